package org.safesessions.consent.domain;

/** The kinds of change the access log names (with field names where it helps, never values). */
public enum Change {
    REGISTERED,
    CONTACT_DETAILS_CHANGED,
    CONSENT_RECORDED,
    CONSENT_WITHDRAWN,
    AGREEMENT_RECORDED,
    ANONYMISED,
    SUBJECT_ACCESS_REQUEST_RECEIVED,
    SUBJECT_ACCESS_REQUEST_MOVED
}
