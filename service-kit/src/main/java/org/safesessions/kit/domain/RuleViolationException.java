package org.safesessions.kit.domain;

/** A request that is well formed but breaks a policy rule: 422 naming the rule (e.g. {@code group-session-needs-two-facilitators}). */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
