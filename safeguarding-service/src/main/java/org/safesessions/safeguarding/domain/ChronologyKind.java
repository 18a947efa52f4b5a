package org.safesessions.safeguarding.domain;

import java.util.Optional;

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
    CLOSURE,
    /** Written by the service: a court and council bundle was produced (by whom, of which entries, its digest). */
    BUNDLE_PRODUCED,
    /**
     * Written by the service: the entries written before V21 were converted so that they can be re-sealed with a new
     * key (how many, the chain head then, each one's converted hash); no hash changed (ChainHash).
     */
    CHAIN_CONVERTED;

    /** The kinds a DSL adds by hand through {@code POST /concerns/{id}/chronology}. */
    public boolean writtenByHand() {
        return this == NOTE || this == PRIVATE_SESSION || this == CONFIDENTIALITY_DECISION || this == OUTCOME;
    }

    /** The status a concern has after an entry of this kind: its workflow moves; other kinds change none. */
    public Optional<ConcernStatus> statusAfter() {
        return Optional.ofNullable(switch (this) {
            case RAISED -> ConcernStatus.RAISED;
            case ACKNOWLEDGED -> ConcernStatus.ACKNOWLEDGED;
            case REVIEW_STARTED -> ConcernStatus.UNDER_REVIEW;
            case MONITORING -> ConcernStatus.MONITORING;
            case ESCALATION -> ConcernStatus.ESCALATED;
            case CLOSURE -> ConcernStatus.CLOSED;
            default -> null;
        });
    }

    /** What a partner council may read of a referral: never the DSL's internal notes. */
    public boolean sharedWithCouncil() {
        return this == ESCALATION || this == COUNCIL_RESPONSE;
    }
}
