package org.safesessions.session.domain;

/** Where a session is in its life. */
public enum SessionStatus {
    SCHEDULED,
    STARTED,
    ENDED,
    TERMINATED_EARLY,
    CANCELLED
}
