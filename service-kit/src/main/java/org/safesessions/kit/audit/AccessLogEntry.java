package org.safesessions.kit.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the access log: who did what to which record, when. Written once; the database refuses edits. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    /** The column's length: a longer list of field names is cut, never refused. */
    static final int DETAIL_LENGTH = 500;

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    /** The Keycloak user id; null for the service's own passes and for entries older than the log. */
    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_name", nullable = false)
    public String actorName;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(name = "record_type", nullable = false)
    public String recordType;

    @Column(name = "record_id")
    public UUID recordId;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccessAction action;

    public String detail;

    static AccessLogEntry of(String organisation, Actor actor, Access access, OffsetDateTime at) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.id = UUID.randomUUID();
        entry.organisation = organisation;
        entry.actorId = actor.id();
        entry.actorName = actor.userName();
        entry.at = at;
        entry.recordType = access.recordType();
        entry.recordId = access.recordId();
        entry.subjectId = access.subjectId();
        entry.action = access.action();
        String detail = access.detail();
        entry.detail = detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH);
        return entry;
    }
}
