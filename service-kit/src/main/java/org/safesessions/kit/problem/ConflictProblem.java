package org.safesessions.kit.problem;

/** A request that conflicts with the record's current state (e.g. withdrawing a consent twice): 409. */
public class ConflictProblem extends RuntimeException {

    private final String rule;

    public ConflictProblem(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
