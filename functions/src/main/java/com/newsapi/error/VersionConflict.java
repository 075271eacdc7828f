package com.newsapi.error;

/** The If-Match ETag is not the current version: someone else changed the article first (412). */
public final class VersionConflict extends ApiException {

    public VersionConflict(String detail) {
        super(412, "Precondition failed", detail);
    }

    @Override
    public String type() {
        return "version-conflict";
    }
}
