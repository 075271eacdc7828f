package com.newsapi.store;

import com.newsapi.error.StoreUnavailable;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Where SDK failures become domain ones. */
final class DynamoCalls {

    private DynamoCalls() {
    }

    /** Throttling, server errors and unreachable endpoints (after the SDK's own retries) become 503s. */
    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DynamoDbException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StoreUnavailable(e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StoreUnavailable(e);
        }
    }
}
