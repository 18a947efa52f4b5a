package org.safesessions.session.domain;

/** The state of a session's Zoom meeting, as the session's readers see it. */
public enum ProvisioningState {
    /** Not a Zoom session: nothing to provision. */
    NOT_NEEDED,
    /** Zoom has changes to receive (meeting, registrants, deletion); retried with backoff while Zoom fails. */
    PENDING,
    /** Zoom holds what the session says. */
    READY,
    /** The retries gave up; {@code MeetingProvisioningFailed} was published. A change to the session tries again. */
    FAILED
}
