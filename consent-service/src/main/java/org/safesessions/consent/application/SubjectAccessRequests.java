package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.consent.domain.Change;
import org.safesessions.consent.domain.RecordType;
import org.safesessions.consent.domain.SubjectAccessRequest;
import org.safesessions.consent.domain.SubjectAccessRequest.Status;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.time.Time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Tracking subject access requests (SPEC §3): received, identity checked, export produced, sent, closed; due one
 * calendar month after receipt. Every read and change is in the access log: a request names who asked.
 */
@ApplicationScoped
public class SubjectAccessRequests {

    /** A request as received: about which young person, who asked and in what relationship, and when. */
    public record Receive(UUID youngPersonId, String requesterName, String relationship, LocalDate receivedOn) {
    }

    /** A request with its requester's name opened, for those who handle it. */
    public record Tracked(SubjectAccessRequest request, String requesterName) {
    }

    @Inject
    YoungPeopleRegister register;

    @Inject
    SubjectAccess subjectAccess;

    @Inject
    AuditTrail audit;

    @Inject
    FieldCipher cipher;

    @Inject
    Time time;

    @Transactional
    public Tracked receive(String organisation, Receive command, String recordedBy) {
        YoungPerson yp = register.get(organisation, command.youngPersonId());
        UUID id = UUID.randomUUID();
        SubjectAccessRequest request = SubjectAccessRequest.receive(id, yp,
                cipher.seal(command.requesterName().strip(), SubjectAccessRequest.requesterBinding(id)),
                command.relationship(), command.receivedOn(), recordedBy, time.now());
        request.persist();
        audit.changed(yp, RecordType.SUBJECT_ACCESS_REQUEST, request.id, Change.SUBJECT_ACCESS_REQUEST_RECEIVED, null);
        return tracked(request);
    }

    /** One request; logged as a READ. */
    public Tracked read(String organisation, UUID id) {
        SubjectAccessRequest request = find(organisation, id);
        audit.read(organisation, RecordType.SUBJECT_ACCESS_REQUEST, request.id, request.youngPersonId);
        return tracked(request);
    }

    /** The organisation's requests, most recently received first; logged as a LIST. */
    public Page<Tracked> list(String organisation, int page, int size) {
        audit.listed(organisation, RecordType.SUBJECT_ACCESS_REQUEST, null);
        var query = SubjectAccessRequest.ofOrganisation(organisation);
        return new Page<>(query.page(page, size).list(), page, size, query.count()).map(this::tracked);
    }

    /** Open requests past their due day, the longest overdue first; logged as a LIST. */
    public Page<Tracked> overdue(String organisation, int page, int size) {
        audit.listed(organisation, RecordType.SUBJECT_ACCESS_REQUEST, null);
        var query = SubjectAccessRequest.overdue(organisation, time.now());
        return new Page<>(query.page(page, size).list(), page, size, query.count()).map(this::tracked);
    }

    @Transactional
    public Tracked moveTo(String organisation, UUID id, Status status, String by) {
        SubjectAccessRequest request = find(organisation, id);
        request.moveTo(status, by, time.now());
        audit.changed(youngPerson(request), RecordType.SUBJECT_ACCESS_REQUEST, request.id,
                Change.SUBJECT_ACCESS_REQUEST_MOVED, "status=" + status);
        return tracked(request);
    }

    /** Produces the export for the request: recorded on it, and in the access log as its EXPORT. */
    @Transactional
    public SubjectAccess.Holding export(String organisation, UUID id, String by) {
        SubjectAccessRequest request = find(organisation, id);
        OffsetDateTime now = time.now();
        request.exportProduced(by, now);
        return subjectAccess.export(youngPerson(request), request.id, by, now);
    }

    public Tracked tracked(SubjectAccessRequest request) {
        return new Tracked(request,
                cipher.open(request.requester(), SubjectAccessRequest.requesterBinding(request.id)));
    }

    private static SubjectAccessRequest find(String organisation, UUID id) {
        return SubjectAccessRequest.findInOrganisation(id, organisation)
                .orElseThrow(() -> new RecordNotFoundException("subject access request"));
    }

    private static YoungPerson youngPerson(SubjectAccessRequest request) {
        return YoungPerson.findById(request.youngPersonId);
    }
}
