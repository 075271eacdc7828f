package com.newsapi.store;

import static com.newsapi.store.DynamoCalls.call;

import com.newsapi.error.ApiException;
import com.newsapi.error.StoreUnavailable;
import com.newsapi.error.VersionConflict;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** TransactWriteItems, sent again while cancelled only by conflicts, and what a cancellation means. */
final class Transactions {

    /** Retries of a transaction cancelled only because another one held one of its items. */
    static final int CONFLICT_RETRIES = 3;

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final Backoff backoff;

    Transactions(DynamoDbClient dynamo, Backoff backoff) {
        this.dynamo = dynamo;
        this.backoff = backoff;
    }

    /**
     * Writes a transaction, again (after a short jittered pause) when it was cancelled only by a
     * conflict: concurrent writes of articles that share a tag or an author meet on its counter,
     * and the SDK does not retry a cancelled transaction. A cancelled transaction wrote nothing,
     * so its retry is safe.
     */
    void writeRetryingConflicts(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                call(() -> dynamo.transactWriteItems(write -> write.transactItems(writes)));
                return;
            } catch (TransactionCanceledException e) {
                if (attempt > CONFLICT_RETRIES || !onlyConflicts(e)) {
                    throw e;
                }
                backoff.pause(attempt);
            }
        }
    }

    private static boolean onlyConflicts(TransactionCanceledException e) {
        List<String> codes = e.hasCancellationReasons() ? e.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
        return codes.contains("TransactionConflict")
                && codes.stream().allMatch(code -> "TransactionConflict".equals(code) || "None".equals(code));
    }

    /** Whether the transaction's write at {@code position} (from 0) failed its condition. */
    static boolean failedCondition(TransactionCanceledException e, int position) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > position
                && CONDITION_FAILED.equals(e.cancellationReasons().get(position).code());
    }

    /** A failed condition is a {@link VersionConflict}; anything else (a conflict still, throttling) is retryable. */
    static ApiException conflictOrUnavailable(TransactionCanceledException e) {
        boolean conditionFailed = e.hasCancellationReasons()
                && e.cancellationReasons().stream().anyMatch(reason -> CONDITION_FAILED.equals(reason.code()));
        if (conditionFailed) {
            return new VersionConflict("The article changed since you read it; fetch it again.");
        }
        // TransactionConflict and throttling: another transaction touched the same items; retryable.
        return new StoreUnavailable(e);
    }
}
