package com.newsapi.error;

/** The body is not the JSON (or merge patch) the route takes, before any field is looked at (400). */
public final class MalformedBody extends ApiException {

    public MalformedBody(String detail) {
        super(400, "Malformed request body", detail);
    }

    @Override
    public String type() {
        return "malformed-body";
    }
}
