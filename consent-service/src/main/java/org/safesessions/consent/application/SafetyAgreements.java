package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.consent.domain.AuditEntry.Action;
import org.safesessions.consent.domain.CodeOfConduct;
import org.safesessions.consent.domain.SafetyAgreement;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.events.consent.AgreementRecordedV1;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Recording a young person's online safety agreement; published as AgreementRecorded. */
@ApplicationScoped
public class SafetyAgreements {

    /** The version of the code of conduct the young person acknowledged, and when (null: now). */
    public record RecordAgreement(String agreementVersion, OffsetDateTime agreedAt) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    AuditTrail audit;

    @Inject
    YoungPeopleRegister register;

    @Transactional
    public SafetyAgreement record(String organisation, UUID youngPersonId, RecordAgreement request, String recordedBy) {
        YoungPerson yp = register.get(organisation, youngPersonId);
        if (CodeOfConduct.version(request.agreementVersion()).isEmpty()) {
            throw new RuleViolationException("agreement-to-a-published-code-of-conduct",
                    "agreementVersion is not a published version of the code of conduct");
        }
        OffsetDateTime now = time.now();
        OffsetDateTime agreedAt = request.agreedAt() != null ? request.agreedAt() : now;
        if (agreedAt.isAfter(now.plusMinutes(5))) {
            throw new RuleViolationException("agreement-made-in-the-past", "agreedAt cannot be in the future");
        }
        if (agreedAt.toLocalDate().isBefore(yp.dateOfBirth.plusYears(4))) {
            throw new RuleViolationException("agreement-made-after-birth",
                    "agreedAt is before the young person could have agreed");
        }
        SafetyAgreement agreement = new SafetyAgreement();
        agreement.id = UUID.randomUUID();
        agreement.organisation = organisation;
        agreement.youngPersonId = yp.id;
        agreement.agreementVersion = request.agreementVersion();
        agreement.agreedAt = agreedAt;
        agreement.recordedAt = now;
        agreement.recordedBy = recordedBy;
        agreement.persist();
        yp.touch(now);
        audit.record(yp, Action.AGREEMENT_RECORDED, agreement.id, null, recordedBy, now);
        outbox.publish(agreement.id, new AgreementRecordedV1(agreement.id, yp.id, organisation,
                agreement.agreementVersion, agreement.agreedAt));
        return agreement;
    }
}
