package org.safesessions.events.session;

/** Why a session was ended early (the seeds' list). */
public enum TerminationReason {
    INAPPROPRIATE_DRESS,
    ABUSIVE_LANGUAGE,
    SAFEGUARDING,
    TECHNICAL;

    /** Whether ending a session for this reason raises a safeguarding concern. */
    public boolean raisesConcern() {
        return this != TECHNICAL;
    }
}
