package org.safesessions.consent.domain;

/** Where a consent stands, worked out from the facts (given, withdrawn, expiry) at the time asked about. */
public enum ConsentStatus {
    ACTIVE,
    WITHDRAWN,
    EXPIRED
}
