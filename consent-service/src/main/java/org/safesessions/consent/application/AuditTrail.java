package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.safesessions.consent.domain.AuditEntry;
import org.safesessions.consent.domain.AuditEntry.Action;
import org.safesessions.consent.domain.YoungPerson;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Writes the audit of a young person's record in the transaction of the change it describes. */
@ApplicationScoped
public class AuditTrail {

    /** The actor of what the service does by itself (expiry, retention). */
    public static final String SERVICE = "consent-service";

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(YoungPerson yp, Action action, UUID subjectId, String fields, String actor, OffsetDateTime at) {
        AuditEntry.of(yp, action, subjectId, fields, actor, at).persist();
    }
}
