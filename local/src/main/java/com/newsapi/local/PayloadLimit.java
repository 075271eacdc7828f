package com.newsapi.local;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** API Gateway's payload limit: it refuses larger request bodies (413) before any function runs. */
final class PayloadLimit {

    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private PayloadLimit() {
    }

    /** The whole body, or empty when it is larger than API Gateway accepts (reads at most one byte past the limit). */
    static Optional<byte[]> read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        return body.length > MAX_PAYLOAD_BYTES ? Optional.empty() : Optional.of(body);
    }
}
