package org.safesessions.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.persistence.PlatformSetConverter;
import org.safesessions.kit.domain.ConflictException;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A consent as given: an immutable fact. Withdrawal and expiry are recorded as further facts, never as edits. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** Consents are renewed; one recorded as lasting longer than this is a typing error. */
    static final int MAX_YEARS = 5;

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "young_person_id", nullable = false)
    public UUID youngPersonId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentScope scope;

    @Convert(converter = PlatformSetConverter.class)
    @Column(nullable = false)
    public Set<Platform> platforms;

    @Enumerated(EnumType.STRING)
    @Column(name = "given_by", nullable = false)
    public ConsentGiver givenBy;

    @Column(name = "guardian_id")
    public UUID guardianId;

    @Column(name = "evidence_reference", nullable = false)
    public String evidenceReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_method", nullable = false)
    public EvidenceMethod evidenceMethod;

    @Column(name = "given_at", nullable = false)
    public OffsetDateTime givenAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /**
     * Records a consent, checking who may give it: a guardian registered for this young person, or the young
     * person themself when 13 or over on the day it was given and the organisation's policy allows it. Without an
     * {@code expiresAt} it lasts the organisation's default validity. Recording it is activity on the young
     * person's record (retention starts again).
     */
    public static Consent record(YoungPerson youngPerson, ConsentScope scope, Set<Platform> platforms,
                                 ConsentGiver givenBy, UUID guardianId, String evidenceReference,
                                 EvidenceMethod evidenceMethod, OffsetDateTime givenAt, OffsetDateTime expiresAt,
                                 OrganisationSettings policy, OffsetDateTime now, String recordedBy) {
        youngPerson.mustNotBeAnonymised(
                "this record was anonymised under the retention policy; register the young person again");
        if (expiresAt == null) {
            expiresAt = givenAt.plus(policy.defaultValidity());
        }
        if (givenBy == ConsentGiver.YOUNG_PERSON && !policy.selfConsentAllowed) {
            throw new RuleViolationException("self-consent-allowed-by-organisation",
                    "this organisation's policy needs a guardian to give consent");
        }
        if (givenBy == ConsentGiver.GUARDIAN) {
            if (guardianId == null || youngPerson.guardian(guardianId).isEmpty()) {
                throw new RuleViolationException("consent-given-by-a-registered-guardian",
                        "the guardian giving consent must be one of this young person's registered guardians");
            }
        } else if (youngPerson.ageOn(givenAt.atZoneSameInstant(UK).toLocalDate()) < YoungPerson.SELF_CONSENT_AGE) {
            throw new RuleViolationException("self-consent-needs-13-or-over",
                    "a young person may consent for themselves only when 13 or over");
        }
        if (givenAt.isBefore(youngPerson.dateOfBirth.atStartOfDay(UK).toOffsetDateTime())) {
            throw new RuleViolationException("consent-given-after-birth", "givenAt is before the young person was born");
        }
        if (expiresAt.isAfter(givenAt.plusYears(MAX_YEARS))) {
            throw new RuleViolationException("consent-lasts-at-most-" + MAX_YEARS + "-years",
                    "expiresAt is more than " + MAX_YEARS + " years after givenAt");
        }
        if (!expiresAt.isAfter(givenAt)) {
            throw new RuleViolationException("consent-expires-after-it-is-given", "expiresAt must be after givenAt");
        }
        if (givenAt.isAfter(now.plusMinutes(5))) {
            throw new RuleViolationException("consent-given-in-the-past", "givenAt cannot be in the future");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.organisation = youngPerson.organisation;
        consent.youngPersonId = youngPerson.id;
        consent.scope = scope;
        consent.platforms = platforms;
        consent.givenBy = givenBy;
        consent.guardianId = givenBy == ConsentGiver.GUARDIAN ? guardianId : null;
        consent.evidenceReference = evidenceReference.strip();
        consent.evidenceMethod = evidenceMethod;
        consent.givenAt = givenAt;
        consent.expiresAt = expiresAt;
        consent.recordedAt = now;
        consent.recordedBy = recordedBy;
        youngPerson.touch(now);
        return consent;
    }

    /**
     * Withdraws this consent now: a new fact beside it (who, when, why), never an edit. A consent is withdrawn
     * once, and only while it is unexpired. Withdrawing is activity on the young person's record.
     */
    public ConsentWithdrawal withdraw(YoungPerson youngPerson, String reason, String withdrawnBy, OffsetDateTime now) {
        if (ConsentWithdrawal.findById(id) != null) {
            throw new ConflictException("consent-withdrawn-once", "this consent has already been withdrawn");
        }
        if (!now.isBefore(expiresAt)) {
            throw new ConflictException("only-an-unexpired-consent-can-be-withdrawn", "this consent has already expired");
        }
        ConsentWithdrawal withdrawal = ConsentWithdrawal.of(this, reason, withdrawnBy, now);
        youngPerson.touch(now);
        return withdrawal;
    }

    /** Retention: the evidence references (free text) of a young person's consents go with the rest. */
    static void anonymiseEvidenceOf(UUID youngPersonId) {
        update("evidenceReference = ?1 where youngPersonId = ?2", YoungPerson.ANONYMISED, youngPersonId);
    }

    /**
     * Where this consent stands at {@code at}: withdrawn once a withdrawal is recorded (whatever {@code at}, since
     * a withdrawal ends it for every session to come), else expired from {@code expiresAt} on, else active.
     */
    public ConsentStatus statusAt(OffsetDateTime at, ConsentWithdrawal withdrawal) {
        if (withdrawal != null) {
            return ConsentStatus.WITHDRAWN;
        }
        return at.isBefore(expiresAt) ? ConsentStatus.ACTIVE : ConsentStatus.EXPIRED;
    }

    public static List<Consent> historyOf(UUID youngPersonId) {
        return list("youngPersonId = ?1 order by givenAt desc, recordedAt desc", youngPersonId);
    }
}
