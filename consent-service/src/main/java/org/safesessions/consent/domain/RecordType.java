package org.safesessions.consent.domain;

/** The kinds of record consent-service names in the access log. */
public enum RecordType {
    YOUNG_PERSON,
    /** Guardians' and the young person's contact details. */
    CONTACT_DETAILS,
    CONSENT,
    SAFETY_AGREEMENT,
    SUBJECT_ACCESS_REQUEST
}
