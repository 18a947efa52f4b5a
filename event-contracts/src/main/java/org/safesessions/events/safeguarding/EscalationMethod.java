package org.safesessions.events.safeguarding;

/** How a referral reached the council. */
public enum EscalationMethod {
    PHONE,
    EMAIL,
    PORTAL,
    WEBHOOK
}
