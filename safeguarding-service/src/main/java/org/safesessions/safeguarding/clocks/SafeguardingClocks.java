package org.safesessions.safeguarding.clocks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.safesessions.events.safeguarding.SafeguardingClock;
import org.safesessions.events.safeguarding.SafeguardingClockBreachedV1;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.rest.Page;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.Reader;
import org.safesessions.events.safeguarding.SubjectType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The two safeguarding deadlines: an IMMEDIATE_DANGER concern not acknowledged in time, and a council decision not
 * made one working day after escalation. Each breach is raised exactly once, whatever the number of replicas:
 * a pass locks the due rows with {@code SKIP LOCKED} and stamps the breach on the row in the same transaction
 * as its {@code SafeguardingClockBreached} event.
 */
@ApplicationScoped
public class SafeguardingClocks {

    private static final int BATCH = 100;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Scheduled(every = "${safeguarding.clocks.check-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        checkNow();
    }

    /** Raises every breach due now; returns how many. */
    public int checkNow() {
        int raised = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::acknowledgementBreaches);
            raised += batch;
        } while (batch == BATCH);
        do {
            batch = QuarkusTransaction.requiringNew().call(this::councilDecisionBreaches);
            raised += batch;
        } while (batch == BATCH);
        return raised;
    }

    @SuppressWarnings("unchecked")
    private int acknowledgementBreaches() {
        OffsetDateTime now = now();
        List<UUID> due = em.createNativeQuery("""
                        select id from concern
                        where status = 'RAISED' and acknowledgement_due_at <= ?1 and acknowledgement_breached_at is null
                        order by acknowledgement_due_at limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        for (UUID id : due) {
            Concern c = em.find(Concern.class, id);
            c.acknowledgementBreachedAt = now;
            outbox.publish("Concern", c.id, new SafeguardingClockBreachedV1(c.id, c.organisation, c.reference,
                    SafeguardingClock.ACKNOWLEDGEMENT, c.risk, c.acknowledgementDueAt, now));
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private int councilDecisionBreaches() {
        OffsetDateTime now = now();
        List<UUID> due = em.createNativeQuery("""
                        select id from concern
                        where council_decision_due_at <= ?1 and council_decided_at is null
                          and council_decision_breached_at is null and status <> 'CLOSED'
                        order by council_decision_due_at limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        for (UUID id : due) {
            Concern c = em.find(Concern.class, id);
            c.councilDecisionBreachedAt = now;
            outbox.publish("Concern", c.id, new SafeguardingClockBreachedV1(c.id, c.organisation, c.reference,
                    SafeguardingClock.COUNCIL_DECISION, c.risk, c.councilDecisionDueAt, now));
        }
        return due.size();
    }

    /** Concerns with a clock past due now (breach raised or not yet), most overdue first. */
    public Page<Concern> overdue(Reader reader, int page, int size) {
        OffsetDateTime now = now();
        String staff = reader.reach() == Reader.Reach.ALL ? "" : " and c.subjectType <> :staff";
        String where = " from Concern c where c.organisation = :org"
                + " and (c.subjectStaffUser is null or lower(c.subjectStaffUser) <> lower(:me))" + staff
                + " and ((c.status = org.safesessions.safeguarding.domain.ConcernStatus.RAISED and c.acknowledgementDueAt <= :now)"
                + " or (c.councilDecisionDueAt <= :now and c.councilDecidedAt is null"
                + " and c.status <> org.safesessions.safeguarding.domain.ConcernStatus.CLOSED))";
        var items = em.createQuery("select c" + where
                + " order by coalesce(c.acknowledgementDueAt, c.councilDecisionDueAt), c.id", Concern.class);
        var count = em.createQuery("select count(c)" + where, Long.class);
        for (var q : List.of(items, count)) {
            q.setParameter("org", reader.organisation()).setParameter("me", reader.userName()).setParameter("now", now);
            if (reader.reach() != Reader.Reach.ALL) {
                q.setParameter("staff", SubjectType.STAFF_MEMBER);
            }
        }
        return new Page<>(items.setFirstResult(page * size).setMaxResults(size).getResultList(), page, size,
                count.getSingleResult());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
