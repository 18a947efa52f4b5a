package org.safesessions.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safesessions.kit.crypto.Sealed;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A subject access request (UK GDPR art. 15) about a young person: who asked (sealed: a name is personal data),
 * their relationship, when it was received, and where it has got to. The answer is due one calendar month after
 * receipt (ICO: received 31 January, due 28 or 29 February). It moves forward one step at a time, and the export is
 * produced only by producing it (which the access log records), never by saying so.
 */
@Entity
@Table(name = "subject_access_request")
public class SubjectAccessRequest extends PanacheEntityBase {

    /** Days are UK days: "received on" and "overdue" are judged in Europe/London. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    public enum Status {
        RECEIVED, IDENTITY_CHECKED, EXPORT_PRODUCED, SENT, CLOSED;

        /** Not yet answered: the due date still binds. */
        public boolean open() {
            return OPEN.contains(this);
        }
    }

    public static final Set<Status> OPEN = EnumSet.of(Status.RECEIVED, Status.IDENTITY_CHECKED, Status.EXPORT_PRODUCED);

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "young_person_id", nullable = false)
    public UUID youngPersonId;

    @Column(name = "requester_key_id", nullable = false)
    public String requesterKeyId;

    @Column(name = "requester_cipher", nullable = false)
    public byte[] requesterCipher;

    @Column(nullable = false)
    public String relationship;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "status_changed_at", nullable = false)
    public OffsetDateTime statusChangedAt;

    @Column(name = "status_changed_by", nullable = false)
    public String statusChangedBy;

    @Column(name = "export_produced_at")
    public OffsetDateTime exportProducedAt;

    @Column(name = "export_produced_by")
    public String exportProducedBy;

    /** One calendar month after receipt; a shorter month ends the period on its last day (31 Jan → 28/29 Feb). */
    public static LocalDate dueOn(LocalDate receivedOn) {
        return receivedOn.plusMonths(1);
    }

    /** What the requester's sealed name is bound to: this row. */
    public static String requesterBinding(UUID id) {
        return "subject_access_request.requester:" + id;
    }

    public static SubjectAccessRequest receive(UUID id, YoungPerson youngPerson, Sealed requester, String relationship,
                                               LocalDate receivedOn, String recordedBy, OffsetDateTime now) {
        if (receivedOn.isAfter(now.atZoneSameInstant(UK).toLocalDate())) {
            throw new RuleViolationException("request-received-on-or-before-today", "receivedOn cannot be in the future");
        }
        if (receivedOn.isBefore(youngPerson.dateOfBirth)) {
            throw new RuleViolationException("request-received-after-birth",
                    "receivedOn is before the young person was born");
        }
        SubjectAccessRequest request = new SubjectAccessRequest();
        request.id = id;
        request.organisation = youngPerson.organisation;
        request.youngPersonId = youngPerson.id;
        request.requesterKeyId = requester.keyId();
        request.requesterCipher = requester.cipherText();
        request.relationship = relationship.strip();
        request.receivedOn = receivedOn;
        request.dueOn = dueOn(receivedOn);
        request.status = Status.RECEIVED;
        request.recordedAt = now;
        request.recordedBy = recordedBy;
        request.statusChangedAt = now;
        request.statusChangedBy = recordedBy;
        return request;
    }

    public Sealed requester() {
        return new Sealed(requesterKeyId, requesterCipher);
    }

    /** The next step, and only the next one; the export is produced by {@link #exportProduced}. */
    public void moveTo(Status target, String by, OffsetDateTime now) {
        if (target.ordinal() <= status.ordinal()) {
            throw new RuleViolationException("subject-access-request-never-moves-back",
                    "the request is " + status + " and cannot move to " + target);
        }
        if (target == Status.EXPORT_PRODUCED) {
            throw new RuleViolationException("export-produced-by-producing-it",
                    "produce the export for the request; that moves it to EXPORT_PRODUCED");
        }
        if (target.ordinal() > status.ordinal() + 1) {
            throw new RuleViolationException("subject-access-request-skips-no-step",
                    "the request is " + status + "; its next step is " + Status.values()[status.ordinal() + 1]);
        }
        status = target;
        statusChangedAt = now;
        statusChangedBy = by;
    }

    /** The export was produced for this request: after the identity check, before the answer is sent. */
    public void exportProduced(String by, OffsetDateTime now) {
        if (status == Status.RECEIVED) {
            throw new RuleViolationException("identity-checked-before-export",
                    "check the requester's identity before producing the export");
        }
        if (!status.open()) {
            throw new RuleViolationException("no-export-after-sending", "the request is " + status);
        }
        exportProducedAt = now;
        exportProducedBy = by;
        if (status != Status.EXPORT_PRODUCED) {
            status = Status.EXPORT_PRODUCED;
            statusChangedAt = now;
            statusChangedBy = by;
        }
    }

    /** Still unanswered after the day it was due (UK days). */
    public boolean overdue(OffsetDateTime now) {
        return status.open() && now.atZoneSameInstant(UK).toLocalDate().isAfter(dueOn);
    }

    public static Optional<SubjectAccessRequest> findInOrganisation(UUID id, String organisation) {
        return find("id = ?1 and organisation = ?2", id, organisation).firstResultOptional();
    }

    /** The organisation's requests, most recently received first. */
    public static PanacheQuery<SubjectAccessRequest> ofOrganisation(String organisation) {
        return find("organisation = ?1 order by receivedOn desc, recordedAt desc, id", organisation);
    }

    /** Open requests past their due day, the longest overdue first. */
    public static PanacheQuery<SubjectAccessRequest> overdue(String organisation, OffsetDateTime now) {
        return find("organisation = ?1 and status in ?2 and dueOn < ?3 order by dueOn, id",
                organisation, OPEN, now.atZoneSameInstant(UK).toLocalDate());
    }
}
