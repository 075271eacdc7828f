package com.newsapi.events;

import java.util.List;

/** Removes stale copies of API answers from a CDN (stacks without a CDN, and the local API, have none). */
public interface CdnInvalidator {

    /**
     * Asks the CDN to drop every cached answer these paths match; false (and logged) when it could
     * not. Never throws: a stale copy ages out by itself, and must not hold up the change events.
     *
     * @param reference names this batch of paths: sending the same reference again (a retried
     *                  batch) does not start a second invalidation
     */
    boolean invalidate(List<String> paths, String reference);
}
