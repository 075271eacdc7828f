package com.newsapi.error;

/** A preview link this API signed whose time is up (410): ask an editor for a new one. */
public final class PreviewExpired extends ApiException {

    public PreviewExpired() {
        super(410, "Preview expired", "This preview link has expired; ask an editor for a new one.");
    }

    @Override
    public String type() {
        return "preview-expired";
    }
}
