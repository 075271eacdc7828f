package com.newsapi.error;

/** The desk serves only the files it bundles; any other name under /desk/ is not there. */
public final class DeskFileNotFound extends ApiException {

    public DeskFileNotFound() {
        super(404, "Not found", "The desk has no such file.");
    }

    @Override
    public String type() {
        return "not-found";
    }
}
