package org.safesessions.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A young person's acknowledgement of a version of the online safety code of conduct, recorded by staff. */
@Entity
@Table(name = "safety_agreement")
public class SafetyAgreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "young_person_id", nullable = false)
    public UUID youngPersonId;

    @Column(name = "agreement_version", nullable = false)
    public String agreementVersion;

    @Column(name = "agreed_at", nullable = false)
    public OffsetDateTime agreedAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /**
     * Records the young person's agreement to a published version of the code of conduct, made (by default now) in
     * the past and after they were old enough to agree. Recording it is activity on the young person's record.
     */
    public static SafetyAgreement record(YoungPerson youngPerson, String agreementVersion, OffsetDateTime agreedAt,
                                         String recordedBy, OffsetDateTime now) {
        if (CodeOfConduct.version(agreementVersion).isEmpty()) {
            throw new RuleViolationException("agreement-to-a-published-code-of-conduct",
                    "agreementVersion is not a published version of the code of conduct");
        }
        OffsetDateTime agreed = agreedAt != null ? agreedAt : now;
        if (agreed.isAfter(now.plusMinutes(5))) {
            throw new RuleViolationException("agreement-made-in-the-past", "agreedAt cannot be in the future");
        }
        if (agreed.toLocalDate().isBefore(youngPerson.dateOfBirth.plusYears(4))) {
            throw new RuleViolationException("agreement-made-after-birth",
                    "agreedAt is before the young person could have agreed");
        }
        SafetyAgreement agreement = new SafetyAgreement();
        agreement.id = UUID.randomUUID();
        agreement.organisation = youngPerson.organisation;
        agreement.youngPersonId = youngPerson.id;
        agreement.agreementVersion = agreementVersion;
        agreement.agreedAt = agreed;
        agreement.recordedAt = now;
        agreement.recordedBy = recordedBy;
        youngPerson.touch(now);
        return agreement;
    }

    public static List<SafetyAgreement> ofYoungPerson(UUID youngPersonId) {
        return list("youngPersonId = ?1 order by agreedAt desc, recordedAt desc", youngPersonId);
    }
}
