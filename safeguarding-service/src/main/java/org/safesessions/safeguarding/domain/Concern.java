package org.safesessions.safeguarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.CouncilDecision;
import org.safesessions.events.safeguarding.EscalationMethod;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.crypto.Sealed;
import org.safesessions.kit.domain.ConflictException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A safeguarding concern: whom it is about, how serious, and where the DSL's workflow has got to. The narrative
 * is only ever held sealed ({@link #narrative()}); the workflow's rules (which move is legal, when the clocks run)
 * live here, next to the state they guard.
 */
@Entity
@Table(name = "concern")
public class Concern extends PanacheEntityBase {

    /** Retention (SPEC §5): a young person's records are kept until their 25th birthday, then reviewed. */
    public static final int RETAIN_UNTIL_AGE = 25;

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(nullable = false)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    public SubjectType subjectType;

    @Column(name = "subject_young_person_id")
    public UUID subjectYoungPersonId;

    /** For an allegation against staff: the Keycloak user id of the member of staff it is about. */
    @Column(name = "subject_staff_id")
    public String subjectStaffId;

    /** Beside the id: their canonical (lower-case) user name, for people reading the record. */
    @Column(name = "subject_staff_user")
    public String subjectStaffUser;

    @Column(name = "subject_date_of_birth")
    public LocalDate subjectDateOfBirth;

    @Column(name = "session_id")
    public UUID sessionId;

    @Convert(converter = CategorySetConverter.class)
    @Column(nullable = false)
    public Set<ConcernCategory> categories = EnumSet.noneOf(ConcernCategory.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskLevel risk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConcernStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConcernSource source;

    @Column(name = "source_event_id")
    public String sourceEventId;

    @Column(name = "narrative_key_id", nullable = false)
    public String narrativeKeyId;

    @Column(name = "narrative_cipher", nullable = false)
    public byte[] narrativeCipher;

    @Column(name = "raised_by", nullable = false)
    public String raisedBy;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    @Column(name = "acknowledgement_due_at")
    public OffsetDateTime acknowledgementDueAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledgement_breached_at")
    public OffsetDateTime acknowledgementBreachedAt;

    @Column(name = "escalated_council")
    public String escalatedCouncil;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_method")
    public EscalationMethod escalationMethod;

    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;

    @Column(name = "council_decision_due_at")
    public OffsetDateTime councilDecisionDueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "council_decision")
    public CouncilDecision councilDecision;

    @Column(name = "council_decided_at")
    public OffsetDateTime councilDecidedAt;

    @Column(name = "council_decision_breached_at")
    public OffsetDateTime councilDecisionBreachedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "review_due_on", nullable = false)
    public LocalDate reviewDueOn;

    @Version
    public int version;

    public Sealed narrative() {
        return new Sealed(narrativeKeyId, narrativeCipher);
    }

    public void sealNarrative(Sealed sealed) {
        narrativeKeyId = sealed.keyId();
        narrativeCipher = sealed.cipherText();
    }

    /** The associated data binding the narrative to this row: a cipher text copied to another concern won't open. */
    public String narrativeBinding() {
        return "concern:" + id + ":narrative";
    }

    public boolean isStaffAllegation() {
        return subjectType == SubjectType.STAFF_MEMBER;
    }

    /**
     * Whether the member of staff with this Keycloak user id (and user name) is the one this concern alleges something
     * about. Compared by id; a row raised before ids were stored (no id) is compared by its canonical user name.
     */
    public boolean isAbout(String userId, String userName) {
        if (!isStaffAllegation()) {
            return false;
        }
        if (subjectStaffId != null) {
            return subjectStaffId.equals(userId);
        }
        return subjectStaffUser != null && userName != null && subjectStaffUser.equalsIgnoreCase(userName.strip());
    }

    /**
     * SPEC §5: an allegation is handled by the DSLs other than its subject; where the organisation has none, by its
     * managers. {@code organisationDsls} are the Keycloak ids of the organisation's DSLs now.
     */
    public boolean handledByManagers(java.util.Collection<String> organisationDsls) {
        return isStaffAllegation() && organisationDsls.stream().allMatch(dsl -> dsl.equals(subjectStaffId));
    }

    /** Retention: the young person's 25th birthday when known, otherwise 25 years from when it was raised. */
    public static LocalDate reviewDate(LocalDate dateOfBirth, OffsetDateTime raisedAt) {
        return (dateOfBirth != null ? dateOfBirth : raisedAt.toLocalDate()).plusYears(RETAIN_UNTIL_AGE);
    }

    /** Moves the workflow on, or 409 naming the rule when the move is not allowed from here. */
    public void moveTo(ConcernStatus target) {
        if (!status.mayMoveTo(target)) {
            throw new ConflictException("illegal-status-transition",
                    "a concern that is " + status + " cannot become " + target);
        }
        status = target;
    }

    public void acknowledge(String dsl, OffsetDateTime at) {
        moveTo(ConcernStatus.ACKNOWLEDGED);
        acknowledgedBy = dsl;
        acknowledgedAt = at;
    }

    public void escalate(String council, EscalationMethod method, OffsetDateTime at, OffsetDateTime decisionDue) {
        moveTo(ConcernStatus.ESCALATED);
        escalatedCouncil = council;
        escalationMethod = method;
        escalatedAt = at;
        councilDecisionDueAt = decisionDue;
    }

    /** A council's answer; ACCEPTED or NO_FURTHER_ACTION is its decision and stops the decision clock. */
    public void recordCouncilResponse(CouncilDecision decision, OffsetDateTime decidedAt) {
        if (decision != CouncilDecision.RECEIVED && councilDecidedAt == null) {
            councilDecision = decision;
            councilDecidedAt = decidedAt;
        } else if (councilDecision == null) {
            councilDecision = decision;
        }
    }

    public void close(OffsetDateTime at) {
        moveTo(ConcernStatus.CLOSED);
        closedAt = at;
    }

    public boolean acknowledgementOverdue(OffsetDateTime now) {
        return status == ConcernStatus.RAISED && acknowledgementDueAt != null && !acknowledgementDueAt.isAfter(now);
    }

    public boolean councilDecisionOverdue(OffsetDateTime now) {
        return councilDecisionDueAt != null && councilDecidedAt == null && !councilDecisionDueAt.isAfter(now);
    }

    /** Locks the concern row so that chronology appends and workflow moves happen one at a time. */
    public static Optional<Concern> lockForUpdate(UUID id) {
        return Optional.ofNullable(Concern.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
