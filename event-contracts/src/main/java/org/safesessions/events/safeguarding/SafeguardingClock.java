package org.safesessions.events.safeguarding;

/** The deadlines safeguarding-service watches. */
public enum SafeguardingClock {
    /** An IMMEDIATE_DANGER concern not acknowledged by a DSL in time (default 15 minutes). */
    ACKNOWLEDGEMENT,
    /** No council decision one working day after escalation. */
    COUNCIL_DECISION
}
