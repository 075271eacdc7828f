package com.newsapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** API Gateway's payload limit: a body of up to 10 MiB goes through whole, a larger one is refused before any function runs. */
class PayloadLimitTest {

    @Test
    void read_givesTheWholeBody_upToTheLimit() throws IOException {
        byte[] atTheLimit = new byte[PayloadLimit.MAX_PAYLOAD_BYTES];

        assertThat(PayloadLimit.read(new ByteArrayInputStream(atTheLimit))).hasValueSatisfying(body -> assertThat(body).hasSize(atTheLimit.length));
        assertThat(PayloadLimit.read(new ByteArrayInputStream(new byte[0]))).hasValueSatisfying(body -> assertThat(body).isEmpty());
    }

    @Test
    void read_refusesABody_oneBytePastTheLimit() throws IOException {
        byte[] overTheLimit = new byte[PayloadLimit.MAX_PAYLOAD_BYTES + 1];

        assertThat(PayloadLimit.read(new ByteArrayInputStream(overTheLimit))).isEmpty();
    }
}
