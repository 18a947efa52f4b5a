package org.safesessions.consent.domain;

/** How a guardian prefers to be told things. */
public enum ContactChannel {
    EMAIL,
    SMS
}
