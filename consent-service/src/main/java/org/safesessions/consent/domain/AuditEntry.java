package org.safesessions.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Who did what to a young person's record, and when. Field names only, never values: the audit must stay
 * readable after retention has anonymised the record, and must not become a second copy of the personal data.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    public enum Action {
        REGISTERED,
        CONTACT_DETAILS_CHANGED,
        CONSENT_RECORDED,
        CONSENT_WITHDRAWN,
        AGREEMENT_RECORDED,
        EXPORTED,
        ANONYMISED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "young_person_id", nullable = false)
    public UUID youngPersonId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    /** The consent or agreement the action was about, if any. */
    @Column(name = "subject_id")
    public UUID subjectId;

    /** Names of the fields changed, comma separated. */
    public String fields;

    public static AuditEntry of(YoungPerson yp, Action action, UUID subjectId, String fields, String actor,
                                OffsetDateTime at) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.organisation = yp.organisation;
        entry.youngPersonId = yp.id;
        entry.action = action;
        entry.subjectId = subjectId;
        entry.fields = fields;
        entry.actor = actor;
        entry.at = at;
        return entry;
    }

    public static List<AuditEntry> ofYoungPerson(UUID youngPersonId) {
        return list("youngPersonId = ?1 order by at, id", youngPersonId);
    }
}
