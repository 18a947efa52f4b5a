package org.safesessions.session.booking;

/** Where a session is in its life. */
public enum SessionStatus {
    SCHEDULED,
    STARTED,
    ENDED,
    TERMINATED_EARLY,
    CANCELLED
}
