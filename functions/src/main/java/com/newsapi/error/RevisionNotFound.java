package com.newsapi.error;

/** The article has no kept revision of that version (never kept, fallen out of the last ones, or gone with the article). */
public final class RevisionNotFound extends ApiException {

    public RevisionNotFound(String id, long version) {
        super(404, "Revision not found", "Article '" + id + "' has no kept revision " + version + ".");
    }

    @Override
    public String type() {
        return "not-found";
    }
}
