package com.newsapi.error;

/**
 * A preview link that shows nothing: not a token this API signed (forged, altered, cut short, or
 * signed with a retired key), a token of another kind, or one whose article has been deleted. One
 * answer for all, so a holder learns nothing about which.
 */
public final class PreviewNotFound extends ApiException {

    public PreviewNotFound() {
        super(404, "Preview not found", "This preview link is not one this API issued, or its article has been deleted.");
    }

    @Override
    public String type() {
        return "preview-not-found";
    }
}
