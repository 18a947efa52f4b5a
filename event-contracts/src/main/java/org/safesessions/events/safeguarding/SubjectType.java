package org.safesessions.events.safeguarding;

/** Whom a concern is about. An allegation against staff is visible only to DSLs, never to its subject. */
public enum SubjectType {
    YOUNG_PERSON,
    STAFF_MEMBER,
    UNKNOWN_PARTICIPANT
}
