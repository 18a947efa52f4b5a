package org.safesessions.kit.audit;

/** What was done with personal data (SPEC §3 "every read, list, export and change"). */
public enum AccessAction {
    /** One record was read. */
    READ,
    /** A list of records was read. */
    LIST,
    /** A copy was taken out of the service (subject access, a bundle). */
    EXPORT,
    /** A record was created or changed. */
    CHANGE
}
