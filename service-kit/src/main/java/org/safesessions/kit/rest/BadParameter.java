package org.safesessions.kit.rest;

import java.util.Objects;

/**
 * A query parameter or header a service parses itself (a time, {@code Last-Event-ID}): 400 naming it, as bean
 * validation does for the rest ({@link ProblemMappers#badParameter}). The message says what is expected, never the
 * value sent.
 */
public class BadParameter extends RuntimeException {

    private final String field;

    public BadParameter(String field, String message) {
        super(message, null, false, false);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
