package org.safesessions.safeguarding.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernRaisedV1;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.kit.time.Time;
import org.safesessions.safeguarding.domain.AccessRecord;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.ChronologyKind;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.ConcernStatus;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.safeguarding.domain.ConcernTotals;
import org.safesessions.safeguarding.domain.Visibility;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Raising concerns and reading them. Every concern starts its chronology with the narrative as raised; every
 * read of one concern is written to its access log in the same transaction as the read.
 */
@ApplicationScoped
public class ConcernRegister {

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    FieldCipher cipher;

    @Inject
    Chronology chronology;

    @Inject
    SafeguardingSettings settings;

    @Inject
    EntityManager em;

    @Inject
    StaffDirectory staff;

    /**
     * What a new concern is, however it was raised. An allegation's subject is a member of staff already resolved
     * through the staff directory: {@code staffUserId} is their Keycloak user id, {@code staffUserName} the canonical
     * user name beside it.
     */
    public record NewConcern(String organisation, SubjectType subjectType, UUID youngPersonId, String staffUserId,
                             String staffUserName, LocalDate dateOfBirth, UUID sessionId,
                             Set<ConcernCategory> categories, RiskLevel risk, String narrative, ConcernSource source,
                             String sourceEventId, String raisedBy) {
    }

    /** A concern as staff raise it: a young person named by id, a member of staff by user name (any case). */
    public record RaiseConcern(SubjectType subjectType, UUID youngPersonId, String staffUserName,
                               LocalDate youngPersonDateOfBirth, UUID sessionId, Set<ConcernCategory> categories,
                               RiskLevel risk, String narrative) {
    }

    /**
     * Raises a concern staff typed in. An allegation names a real, enabled member of staff of the same organisation,
     * typed in any case (422 {@code allegation-subject-must-be-staff-of-organisation} otherwise); Keycloak is asked
     * before the transaction starts, and while it is away the answer is 503, never a guess.
     */
    public Concern raise(String organisation, RaiseConcern request, String raisedBy) {
        Concern.checkSubjectNamed(request.subjectType(), request.youngPersonId(), request.staffUserName());
        StaffMember subject = null;
        if (request.subjectType() == SubjectType.STAFF_MEMBER) {
            subject = staff.byUserName(organisation, request.staffUserName())
                    .orElseThrow(() -> new RuleViolationException(SUBJECT_MUST_BE_STAFF,
                            "staffUserName must name an enabled member of staff of this organisation"));
        }
        NewConcern concern = new NewConcern(organisation, request.subjectType(),
                request.subjectType() == SubjectType.YOUNG_PERSON ? request.youngPersonId() : null,
                subject != null ? subject.id() : null, subject != null ? subject.userName() : null,
                request.subjectType() == SubjectType.YOUNG_PERSON ? request.youngPersonDateOfBirth() : null,
                request.sessionId(), request.categories(), request.risk(), request.narrative().strip(),
                ConcernSource.STAFF, null, raisedBy);
        return QuarkusTransaction.requiringNew().call(() -> raise(concern));
    }

    public static final String SUBJECT_MUST_BE_STAFF = "allegation-subject-must-be-staff-of-organisation";

    /** Raises a concern inside the caller's transaction (a REST request, or an event being consumed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Concern raise(NewConcern n) {
        OffsetDateTime now = time.now();
        Concern c = Concern.raise(UUID.randomUUID(), n.organisation(), nextReference(now), n.subjectType(),
                n.youngPersonId(), n.staffUserId(), n.staffUserName(), n.dateOfBirth(), n.sessionId(), n.categories(),
                n.risk(), n.source(), n.sourceEventId(), n.raisedBy(), now, settings.acknowledgementWithin());
        c.sealNarrative(cipher.seal(n.narrative(), c.narrativeBinding()));
        c.persist();
        chronology.append(c, ChronologyKind.RAISED, n.raisedBy(), now, null, ChronologyBody.text(n.narrative()));
        outbox.publish(c.id, new ConcernRaisedV1(c.id, c.organisation, c.reference, c.subjectType,
                c.categories, c.risk, c.source, c.sessionId, c.raisedAt, c.subjectStaffId));
        return c;
    }

    /** The concerns {@code reader} may see, newest first, optionally by status and risk. */
    public Page<Concern> list(Reader reader, ConcernStatus status, RiskLevel risk, int page, int size) {
        Visibility visible = Visibility.of(reader);
        List<String> where = new ArrayList<>(List.of(visible.condition()));
        if (status != null) {
            where.add("c.status = :status");
        }
        if (risk != null) {
            where.add("c.risk = :risk");
        }
        String condition = String.join(" and ", where);
        var items = em.createQuery("select c from Concern c where " + condition
                + " order by c.raisedAt desc, c.id desc", Concern.class);
        var count = em.createQuery("select count(c) from Concern c where " + condition, Long.class);
        // the total from the kept counts (V23) where the reader's rule allows, else counted (a worker's own concerns)
        OptionalLong kept = ConcernTotals.keptFor(em, reader, status, risk);
        for (var q : List.of(items, count)) {
            visible.bind(q);
            if (status != null) {
                q.setParameter("status", status);
            }
            if (risk != null) {
                q.setParameter("risk", risk);
            }
        }
        List<Concern> found = items.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(found, page, size, kept.isPresent() ? kept.getAsLong() : count.getSingleResult());
    }

    /** One concern the reader may see, or 404; the read is written to the concern's access log. */
    @Transactional
    public Concern read(Reader reader, UUID id, AccessRecord.View view, String role) {
        Concern c = visible(reader, id);
        AccessRecord.record(c.id, reader.userName(), role, view, time.now());
        return c;
    }

    /** A concern the reader may see, without logging (for writes and for reading its access log). */
    public Concern visible(Reader reader, UUID id) {
        Concern c = Concern.findById(id);
        if (c == null || !reader.canSee(c)) {
            throw new RecordNotFoundException("concern");
        }
        return c;
    }

    public String narrative(Concern c) {
        return cipher.open(c.narrative(), c.narrativeBinding());
    }

    public Page<AccessRecord> accessLog(Reader reader, UUID id, int page, int size) {
        Concern c = visible(reader, id);
        var query = AccessRecord.<AccessRecord>find("concernId = ?1 order by accessedAt desc, id desc", c.id);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Records due for their retention review on or before {@code asOf}: listed for a person to decide, never deleted. */
    public Page<Concern> dueForReview(Reader reader, LocalDate asOf, int page, int size) {
        Visibility visible = Visibility.of(reader);
        String where = " from Concern c where " + visible.condition() + " and c.reviewDueOn <= :asOf";
        var items = visible.bind(em.createQuery("select c" + where + " order by c.reviewDueOn, c.id", Concern.class));
        var count = visible.bind(em.createQuery("select count(c)" + where, Long.class));
        items.setParameter("asOf", asOf);
        count.setParameter("asOf", asOf);
        return new Page<>(items.setFirstResult(page * size).setMaxResults(size).getResultList(), page, size,
                count.getSingleResult());
    }

    /** A human-friendly reference for alerts, e.g. SG-2026-000042. */
    private String nextReference(OffsetDateTime now) {
        long n = ((Number) em.createNativeQuery("select nextval('concern_reference_seq')").getSingleResult()).longValue();
        return "SG-%d-%06d".formatted(now.getYear(), n);
    }

}
