package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;
import org.safesessions.consent.domain.ConsentFacts;
import org.safesessions.consent.domain.SafetyAgreement;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.kit.audit.AccessLog;
import org.safesessions.kit.audit.AccessLogEntry;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Subject access (UK GDPR art. 15): everything this service holds about a young person, at once. The export is
 * itself recorded in the access log (who took a copy, when), in the same transaction, and appears in the copy with
 * every other access to the young person's data.
 */
@ApplicationScoped
public class SubjectAccess {

    @Inject
    YoungPeopleRegister register;

    @Inject
    AuditTrail audit;

    @Inject
    AccessLog accessLog;

    @Inject
    Time time;

    public record Holding(OffsetDateTime exportedAt, String exportedBy, UUID requestId, YoungPerson youngPerson,
                          List<ConsentFacts> consents, List<SafetyAgreement> agreements,
                          List<AccessLogEntry> accessLog) {
    }

    /** An export taken outside a tracked request. */
    @Transactional
    public Holding export(String organisation, UUID youngPersonId, String exportedBy) {
        return export(register.get(organisation, youngPersonId), null, exportedBy, time.now());
    }

    /** The export, in the caller's transaction (a tracked request records it on itself too). */
    @Transactional(Transactional.TxType.MANDATORY)
    Holding export(YoungPerson yp, UUID requestId, String exportedBy, OffsetDateTime now) {
        Hibernate.initialize(yp.guardians); // the document is written after this transaction
        audit.exported(yp, requestId);
        return new Holding(now, exportedBy, requestId, yp, ConsentFacts.ofYoungPerson(yp.id),
                SafetyAgreement.ofYoungPerson(yp.id), accessLog.aboutSubject(yp.organisation, yp.id));
    }
}
