package org.safesessions.events.session;

/** How an attendance was recorded. */
public enum AttendanceSource {
    /** From Zoom's participant webhooks. */
    WEBHOOK,
    /** Entered by a facilitator. */
    MANUAL
}
