package org.safesessions.kit.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * One access to record: the action, the kind of record and its id, and whose data it is ({@code subjectId}, e.g.
 * the young person a consent belongs to), so the log can be read per person. {@code detail} says what kind of
 * change it was and names fields, never values.
 */
public record Access(AccessAction action, String recordType, UUID recordId, UUID subjectId, String detail) {

    public Access {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(recordType, "recordType");
    }

    public static Access read(String recordType, UUID recordId) {
        return new Access(AccessAction.READ, recordType, recordId, null, null);
    }

    /** A list of records of one type (a page, a search); no single record id. */
    public static Access list(String recordType) {
        return new Access(AccessAction.LIST, recordType, null, null, null);
    }

    public static Access export(String recordType, UUID recordId) {
        return new Access(AccessAction.EXPORT, recordType, recordId, null, null);
    }

    public static Access change(String recordType, UUID recordId) {
        return new Access(AccessAction.CHANGE, recordType, recordId, null, null);
    }

    /** The person whose data the record holds. */
    public Access about(UUID subject) {
        return new Access(action, recordType, recordId, subject, detail);
    }

    /** What kind of change (e.g. {@code CONSENT_WITHDRAWN}, or field names); never a value. */
    public Access detail(String text) {
        return new Access(action, recordType, recordId, subjectId, text);
    }
}
