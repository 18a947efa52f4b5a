package org.safesessions.safeguarding.domain;

/**
 * What a chronology entry records. DSLs write the first group directly; the workflow writes the rest as it moves,
 * so the chronology is the whole story of the concern in order.
 */
public enum ChronologyKind {
    NOTE,
    PRIVATE_SESSION,
    CONFIDENTIALITY_DECISION,
    OUTCOME,
    /** Written by the service: the concern as first raised. */
    RAISED,
    ACKNOWLEDGED,
    REVIEW_STARTED,
    MONITORING,
    ESCALATION,
    COUNCIL_RESPONSE,
    CLOSURE;

    /** The kinds a DSL adds by hand through {@code POST /concerns/{id}/chronology}. */
    public boolean writtenByHand() {
        return this == NOTE || this == PRIVATE_SESSION || this == CONFIDENTIALITY_DECISION || this == OUTCOME;
    }

    /** What a partner council may read of a referral: never the DSL's internal notes. */
    public boolean sharedWithCouncil() {
        return this == ESCALATION || this == COUNCIL_RESPONSE;
    }
}
