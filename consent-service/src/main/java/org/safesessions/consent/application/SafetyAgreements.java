package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.consent.domain.Change;
import org.safesessions.consent.domain.RecordType;
import org.safesessions.consent.domain.SafetyAgreement;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.events.consent.AgreementRecordedV1;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Recording a young person's online safety agreement; published as AgreementRecorded. */
@ApplicationScoped
public class SafetyAgreements {

    /** The version of the code of conduct the young person acknowledged, and when (null: now). */
    public record RecordAgreement(String agreementVersion, OffsetDateTime agreedAt) {
    }

    @Inject
    ConsentCheckCache checkCache;

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    AuditTrail audit;

    @Inject
    YoungPeopleRegister register;

    /** The young person's agreements, newest first; logged as a LIST. */
    public List<SafetyAgreement> ofYoungPerson(String organisation, UUID youngPersonId) {
        YoungPerson yp = register.get(organisation, youngPersonId);
        audit.listed(organisation, RecordType.SAFETY_AGREEMENT, yp.id);
        return SafetyAgreement.ofYoungPerson(yp.id);
    }

    @Transactional
    public SafetyAgreement record(String organisation, UUID youngPersonId, RecordAgreement request, String recordedBy) {
        YoungPerson yp = register.get(organisation, youngPersonId);
        OffsetDateTime now = time.now();
        SafetyAgreement agreement = SafetyAgreement.record(yp, request.agreementVersion(), request.agreedAt(),
                recordedBy, now);
        agreement.persist();
        checkCache.changesOnCommit(yp.id);
        audit.changed(yp, RecordType.SAFETY_AGREEMENT, agreement.id, Change.AGREEMENT_RECORDED, null);
        outbox.publish(agreement.id, new AgreementRecordedV1(agreement.id, yp.id, organisation,
                agreement.agreementVersion, agreement.agreedAt));
        return agreement;
    }
}
