package com.newsapi.error;

/** A change of an existing article came without If-Match (428): blind overwrites are refused. */
public final class PreconditionRequired extends ApiException {

    public PreconditionRequired(String detail) {
        super(428, "Precondition required", detail);
    }

    @Override
    public String type() {
        return "precondition-required";
    }
}
