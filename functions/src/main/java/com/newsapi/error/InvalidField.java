package com.newsapi.error;

import java.util.List;

/** A well-formed body whose fields break the rules (422); names every offending field. */
public final class InvalidField extends ApiException {

    /** One broken rule: the JSON pointer-like path of the field ({@code body/3/text}) and what is wrong. */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidField(List<Violation> violations) {
        super(422, "Invalid field", violations.size() == 1
                ? violations.getFirst().field() + ": " + violations.getFirst().message()
                : violations.size() + " fields are invalid; see 'errors'.");
        this.violations = List.copyOf(violations);
    }

    public InvalidField(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String type() {
        return "invalid-field";
    }
}
