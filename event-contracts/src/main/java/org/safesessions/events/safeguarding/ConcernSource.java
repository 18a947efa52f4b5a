package org.safesessions.events.safeguarding;

/** Who raised a concern: a member of staff, or the service itself from a session event. */
public enum ConcernSource {
    STAFF,
    UNKNOWN_PARTICIPANT_JOINED,
    SESSION_TERMINATED_EARLY
}
