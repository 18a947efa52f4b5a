package org.safesessions.events.safeguarding;

/** How urgent a concern is. */
public enum RiskLevel {
    IMMEDIATE_DANGER,
    HIGH,
    MEDIUM,
    LOW;

    /** Whether a new concern at this level alerts the organisation's DSLs at once. */
    public boolean urgent() {
        return this == IMMEDIATE_DANGER || this == HIGH;
    }
}
