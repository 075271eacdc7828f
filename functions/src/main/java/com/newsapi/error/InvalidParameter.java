package com.newsapi.error;

/** A query or path parameter the API cannot accept; names the parameter. */
public final class InvalidParameter extends ApiException {

    private final String parameter;

    public InvalidParameter(String parameter, String detail) {
        super(400, "Invalid parameter", detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    @Override
    public String type() {
        return "invalid-parameter";
    }
}
