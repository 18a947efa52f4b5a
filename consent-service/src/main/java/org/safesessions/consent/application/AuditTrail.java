package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.consent.domain.Change;
import org.safesessions.consent.domain.RecordType;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.kit.audit.Access;
import org.safesessions.kit.audit.AccessLog;
import org.safesessions.kit.audit.Actor;

import java.util.UUID;

/**
 * What consent-service writes to service-kit's access log (SPEC §3): every read, list, export and change of a young
 * person's data, each entry about that young person. A change is written in the transaction of the change; a read
 * before its answer. Field names only, never values; never a search typed into a request.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of what the service does by itself (expiry, retention). */
    public static final Actor SERVICE = Actor.service("consent-service");

    @Inject
    AccessLog log;

    /** A change made by the caller; {@code fields} names what changed (null: the kind says it all). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(YoungPerson yp, RecordType type, UUID recordId, Change change, String fields) {
        log.record(yp.organisation, change(yp, type, recordId, change, fields));
    }

    /** A change the service made by itself. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changedByService(YoungPerson yp, Change change, String fields) {
        log.record(yp.organisation, SERVICE, change(yp, RecordType.YOUNG_PERSON, yp.id, change, fields));
    }

    public void read(String organisation, RecordType type, UUID recordId, UUID youngPersonId) {
        log.record(organisation, Access.read(type.name(), recordId).about(youngPersonId));
    }

    /** A list: of one young person's records, or (youngPersonId null) of the organisation's young people. */
    public void listed(String organisation, RecordType type, UUID youngPersonId) {
        log.record(organisation, Access.list(type.name()).about(youngPersonId));
    }

    /** A subject access copy taken, for a tracked request (null: none). */
    public void exported(YoungPerson yp, UUID requestId) {
        log.record(yp.organisation, requestId == null
                ? Access.export(RecordType.YOUNG_PERSON.name(), yp.id).about(yp.id)
                : Access.export(RecordType.SUBJECT_ACCESS_REQUEST.name(), requestId).about(yp.id));
    }

    private static Access change(YoungPerson yp, RecordType type, UUID recordId, Change change, String fields) {
        return Access.change(type.name(), recordId).about(yp.id)
                .detail(fields == null ? change.name() : change.name() + ": " + fields);
    }
}
