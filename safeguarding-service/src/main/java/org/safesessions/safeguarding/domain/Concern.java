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
import org.safesessions.events.safeguarding.SafeguardingClock;
import org.safesessions.events.safeguarding.SafeguardingClockBreachedV1;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.crypto.Sealed;
import org.safesessions.kit.domain.ConflictException;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** Tolerated clock difference between a council's systems and ours for "decided at". */
    public static final Duration COUNCIL_CLOCK_SKEW = Duration.ofMinutes(5);

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

    /** The lawful basis the escalation was made on (SPEC §5), with the consent or decision entry it rests on. */
    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_basis")
    public LawfulBasis.Kind escalationBasis;

    @Column(name = "escalation_basis_consent_id")
    public UUID escalationBasisConsentId;

    @Column(name = "escalation_basis_entry_id")
    public UUID escalationBasisEntryId;

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

    /**
     * A new concern, RAISED at {@code at}: an IMMEDIATE_DANGER one must be acknowledged within
     * {@code acknowledgementWithin}; its retention review falls due per {@link #reviewDate}. The narrative is sealed
     * onto it next ({@link #sealNarrative}), bound to its id.
     */
    public static Concern raise(UUID id, String organisation, String reference, SubjectType subjectType,
                                UUID youngPersonId, String staffUserId, String staffUserName, LocalDate dateOfBirth,
                                UUID sessionId, Set<ConcernCategory> categories, RiskLevel risk, ConcernSource source,
                                String sourceEventId, String raisedBy, OffsetDateTime at,
                                Duration acknowledgementWithin) {
        Concern c = new Concern();
        c.id = id;
        c.organisation = organisation;
        c.reference = reference;
        c.subjectType = subjectType;
        c.subjectYoungPersonId = youngPersonId;
        c.subjectStaffId = staffUserId;
        c.subjectStaffUser = staffUserName;
        c.subjectDateOfBirth = dateOfBirth;
        c.sessionId = sessionId;
        c.categories = EnumSet.copyOf(categories);
        c.risk = risk;
        c.status = ConcernStatus.RAISED;
        c.source = source;
        c.sourceEventId = sourceEventId;
        c.raisedBy = raisedBy;
        c.raisedAt = at;
        if (risk == RiskLevel.IMMEDIATE_DANGER) {
            c.acknowledgementDueAt = at.plus(acknowledgementWithin);
        }
        c.reviewDueOn = reviewDate(dateOfBirth, at);
        return c;
    }

    /** A concern staff raise names its subject: a young person by id, a member of staff by user name (422 otherwise). */
    public static void checkSubjectNamed(SubjectType subjectType, UUID youngPersonId, String staffUserName) {
        if (subjectType == SubjectType.YOUNG_PERSON && youngPersonId == null) {
            throw new RuleViolationException("young-person-concern-names-the-young-person",
                    "a concern about a young person needs youngPersonId");
        }
        if (subjectType == SubjectType.STAFF_MEMBER && (staffUserName == null || staffUserName.isBlank())) {
            throw new RuleViolationException("staff-allegation-names-the-member-of-staff",
                    "an allegation against staff needs staffUserName");
        }
    }

    public Sealed narrative() {
        return new Sealed(narrativeKeyId, narrativeCipher);
    }

    public void sealNarrative(Sealed sealed) {
        narrativeKeyId = sealed.keyId();
        narrativeCipher = sealed.cipherText();
    }

    /** The associated data binding the narrative to this row: a cipher text copied to another concern won't open. */
    public String narrativeBinding() {
        return narrativeBinding(id);
    }

    public static String narrativeBinding(UUID concernId) {
        return "concern:" + concernId + ":narrative";
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
        checkMayMoveTo(target);
        status = target;
    }

    /** 409 {@code illegal-status-transition} unless the workflow may move to {@code target} from here. */
    public void checkMayMoveTo(ConcernStatus target) {
        if (!status.mayMoveTo(target)) {
            throw new ConflictException("illegal-status-transition",
                    "a concern that is " + status + " cannot become " + target);
        }
    }

    public void acknowledge(String dsl, OffsetDateTime at) {
        moveTo(ConcernStatus.ACKNOWLEDGED);
        acknowledgedBy = dsl;
        acknowledgedAt = at;
    }

    /** Refers the concern to {@code council} on {@code basis} (chosen by {@link LawfulBasis#choose}). */
    public void escalate(String council, EscalationMethod method, LawfulBasis basis, OffsetDateTime at,
                         OffsetDateTime decisionDue) {
        moveTo(ConcernStatus.ESCALATED);
        escalationBasis = basis.kind();
        escalationBasisConsentId = basis.consentId();
        escalationBasisEntryId = basis.decisionEntryId();
        escalatedCouncil = council;
        escalationMethod = method;
        escalatedAt = at;
        councilDecisionDueAt = decisionDue;
    }

    /**
     * A council's answer, received {@code now}; ACCEPTED or NO_FURTHER_ACTION is its decision and stops the decision
     * clock. Its decision time may be neither in the future nor before the referral (give or take
     * {@link #COUNCIL_CLOCK_SKEW}), else 422 naming the rule. Returns the decision time in UTC, as recorded.
     */
    public OffsetDateTime recordCouncilResponse(CouncilDecision decision, OffsetDateTime decidedAt,
                                                OffsetDateTime now) {
        if (decidedAt.isAfter(now.plus(COUNCIL_CLOCK_SKEW))) {
            throw new RuleViolationException("decision-time-not-in-the-future", "decidedAt is in the future");
        }
        if (decidedAt.isBefore(escalatedAt.minus(COUNCIL_CLOCK_SKEW))) {
            throw new RuleViolationException("decision-time-after-escalation", "decidedAt is before the referral was made");
        }
        OffsetDateTime decided = decidedAt.withOffsetSameInstant(ZoneOffset.UTC);
        recordCouncilDecision(decision, decided);
        return decided;
    }

    private void recordCouncilDecision(CouncilDecision decision, OffsetDateTime decidedAt) {
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

    /** Stamps the acknowledgement clock's breach (once: the due query skips a stamped row) and says so. */
    public SafeguardingClockBreachedV1 breachAcknowledgementClock(OffsetDateTime now) {
        acknowledgementBreachedAt = now;
        return new SafeguardingClockBreachedV1(id, organisation, reference, SafeguardingClock.ACKNOWLEDGEMENT, risk,
                acknowledgementDueAt, now, subjectStaffId);
    }

    /** Stamps the council decision clock's breach (once: the due query skips a stamped row) and says so. */
    public SafeguardingClockBreachedV1 breachCouncilDecisionClock(OffsetDateTime now) {
        councilDecisionBreachedAt = now;
        return new SafeguardingClockBreachedV1(id, organisation, reference, SafeguardingClock.COUNCIL_DECISION, risk,
                councilDecisionDueAt, now, subjectStaffId);
    }

    /** Locks the concern row so that chronology appends and workflow moves happen one at a time. */
    public static Optional<Concern> lockForUpdate(UUID id) {
        return Optional.ofNullable(Concern.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
