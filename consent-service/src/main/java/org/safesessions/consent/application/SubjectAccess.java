package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;
import org.safesessions.consent.domain.AuditEntry;
import org.safesessions.consent.domain.AuditEntry.Action;
import org.safesessions.consent.domain.ConsentFacts;
import org.safesessions.consent.domain.SafetyAgreement;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Subject access (UK GDPR art. 15): everything this service holds about a young person, at once. The export is
 * itself recorded in the audit (who took a copy, when), in the same transaction, and appears in the copy.
 */
@ApplicationScoped
public class SubjectAccess {

    @Inject
    YoungPeopleRegister register;

    @Inject
    AuditTrail audit;

    @Inject
    Time time;

    public record Holding(OffsetDateTime exportedAt, String exportedBy, YoungPerson youngPerson,
                          List<ConsentFacts> consents, List<SafetyAgreement> agreements, List<AuditEntry> audit) {
    }

    @Transactional
    public Holding export(String organisation, UUID youngPersonId, String exportedBy) {
        YoungPerson yp = register.get(organisation, youngPersonId);
        Hibernate.initialize(yp.guardians); // the document is written after this transaction
        OffsetDateTime now = time.now();
        audit.record(yp, Action.EXPORTED, null, null, exportedBy, now);
        return new Holding(now, exportedBy, yp, ConsentFacts.ofYoungPerson(yp.id),
                SafetyAgreement.ofYoungPerson(yp.id), AuditEntry.ofYoungPerson(yp.id));
    }
}
