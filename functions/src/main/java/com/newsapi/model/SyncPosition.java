package com.newsapi.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a sync stands, carried by the client between calls (signed by the codec).
 *
 * <p>A pass starts at {@code passStart} and reads what was visible then: a full pass pages the feed
 * newest first, a delta pass pages the change log oldest first from {@code since}. When the pass
 * ends, the next one starts from {@code passStart} minus a settling window, so a write that was
 * still in flight (or an index still catching up) when the pass began is read by the next pass.
 *
 * @param delta     false for the first, full pass
 * @param since     delta: changes after this instant are read
 * @param seenUpTo  delta: the latest instant a previous pass read up to; an article whose feed
 *                  instant is later cannot be in the client's copy, so it needs no tombstone
 * @param position  within a pass: the last entry already returned
 */
public record SyncPosition(boolean delta, Instant passStart, Instant since, Instant seenUpTo, Optional<FeedKey> position) {

    /**
     * What the next pass starts from once this one has returned its last page: {@code settle} before
     * this pass began, so writes still in flight then are read again.
     */
    public SyncPosition nextPass(Duration settle) {
        return new SyncPosition(true, passStart, passStart.minus(settle), passStart, Optional.empty());
    }
}
