package org.safesessions.kit.domain;

/** A request that conflicts with the record's current state (e.g. withdrawing a consent twice): 409. */
public class ConflictException extends RuntimeException {

    private final String rule;

    public ConflictException(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
