package org.safesessions.events.session;

/** Why a young person was taken off a session. */
public enum RemovalReason {
    /** A coordinator un-invited them. */
    UNINVITED,
    /** Their consent for the session's scope was withdrawn. */
    CONSENT_WITHDRAWN,
    /** Their consent expired before the session. */
    CONSENT_EXPIRED
}
