package com.newsapi.error;

/** A sync token older than the tombstone retention: deletions since then may be forgotten, so resync. */
public final class SyncTokenExpired extends ApiException {

    public SyncTokenExpired(long retentionDays) {
        super(410, "Sync token expired", "The sync token is older than " + retentionDays
                + " days, so deletions since then may be forgotten; sync again from scratch without a syncToken.");
    }

    @Override
    public String type() {
        return "sync-token-expired";
    }
}
