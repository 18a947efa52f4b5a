package org.safesessions.safeguarding.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a concern is in the DSL's workflow (SPEC §5): RAISED → ACKNOWLEDGED → UNDER_REVIEW → ESCALATED /
 * MONITORING / CLOSED. A concern being monitored may still be escalated or closed; an escalated one is closed
 * once the council has decided. Nothing leaves CLOSED: new information is a new concern.
 */
public enum ConcernStatus {
    RAISED,
    ACKNOWLEDGED,
    UNDER_REVIEW,
    ESCALATED,
    MONITORING,
    CLOSED;

    public Set<ConcernStatus> next() {
        return switch (this) {
            case RAISED -> EnumSet.of(ACKNOWLEDGED);
            case ACKNOWLEDGED -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(ESCALATED, MONITORING, CLOSED);
            case MONITORING -> EnumSet.of(ESCALATED, CLOSED);
            case ESCALATED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(ConcernStatus.class);
        };
    }

    public boolean mayMoveTo(ConcernStatus target) {
        return next().contains(target);
    }
}
