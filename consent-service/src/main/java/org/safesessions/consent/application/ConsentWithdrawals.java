package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.safesessions.consent.domain.Change;
import org.safesessions.consent.domain.Consent;
import org.safesessions.consent.domain.ConsentFacts;
import org.safesessions.consent.domain.ConsentWithdrawal;
import org.safesessions.consent.domain.RecordType;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Withdrawing a consent: a new fact beside it, with who, when and why; published as ConsentWithdrawn. */
@ApplicationScoped
public class ConsentWithdrawals {

    @Inject
    ConsentCheckCache checkCache;

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    AuditTrail audit;

    public Consent consent(String organisation, UUID consentId) {
        return Consent.<Consent>find("id = ?1 and organisation = ?2", consentId, organisation).firstResultOptional()
                .orElseThrow(() -> new RecordNotFoundException("consent"));
    }

    /** A consent of the organisation with its withdrawal, if any; logged as a READ. */
    public ConsentFacts facts(String organisation, UUID consentId) {
        Consent consent = consent(organisation, consentId);
        audit.read(organisation, RecordType.CONSENT, consent.id, consent.youngPersonId);
        return new ConsentFacts(consent, ConsentWithdrawal.findById(consentId));
    }

    /** Returns the consent with its new withdrawal. */
    @Transactional
    public ConsentFacts withdraw(String organisation, UUID consentId, String reason, String withdrawnBy) {
        consent(organisation, consentId); // tenancy first: another organisation's consent is a plain 404
        // the row lock serialises two withdrawals of the same consent, so the second one sees the first
        Consent consent = Consent.findById(consentId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = time.now();
        YoungPerson yp = YoungPerson.findById(consent.youngPersonId);
        ConsentWithdrawal withdrawal = consent.withdraw(yp, reason, withdrawnBy, now);
        withdrawal.persist();
        checkCache.changesOnCommit(yp.id);
        audit.changed(yp, RecordType.CONSENT, consent.id, Change.CONSENT_WITHDRAWN, null);
        outbox.publish(consent.id,
                new ConsentWithdrawnV1(consent.id, consent.youngPersonId, organisation, consent.scope, now));
        return new ConsentFacts(consent, withdrawal);
    }
}
