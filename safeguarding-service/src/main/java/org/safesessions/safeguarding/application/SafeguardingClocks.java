package org.safesessions.safeguarding.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.rest.Page;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.domain.Reader;
import org.jboss.logging.Logger;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.kit.staff.StaffDirectoryUnavailableException;
import org.safesessions.kit.time.Time;
import org.safesessions.kit.work.DueRows;
import org.safesessions.safeguarding.domain.Visibility;

import java.time.OffsetDateTime;
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
    private static final Logger LOG = Logger.getLogger(SafeguardingClocks.class);

    /** Breaches raised, by clock: what the SafeguardingClockBreached alert watches (k8s/README.md). */
    static final String BREACHED = "safesessions.safeguarding.clock.breached";

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry meters;

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    StaffDirectory staff;

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
            breached("acknowledgement", batch);
            raised += batch;
        } while (batch == BATCH);
        do {
            batch = QuarkusTransaction.requiringNew().call(this::councilDecisionBreaches);
            breached("council-decision", batch);
            raised += batch;
        } while (batch == BATCH);
        return raised;
    }

    private void breached(String clock, int count) {
        Counter.builder(BREACHED).tag("clock", clock).register(meters).increment(count);
    }

    private int acknowledgementBreaches() {
        OffsetDateTime now = time.now();
        List<UUID> due = DueRows.claim(em, "concern",
                "status = 'RAISED' and acknowledgement_due_at <= ?1 and acknowledgement_breached_at is null",
                "acknowledgement_due_at", BATCH, now);
        int raised = 0;
        for (UUID id : due) {
            Concern c = em.find(Concern.class, id);
            if (!subjectKnown(c)) {
                continue;
            }
            outbox.publish(c.id, c.breachAcknowledgementClock(now));
            raised++;
        }
        return raised;
    }

    private int councilDecisionBreaches() {
        OffsetDateTime now = time.now();
        List<UUID> due = DueRows.claim(em, "concern",
                "council_decision_due_at <= ?1 and council_decided_at is null"
                        + " and council_decision_breached_at is null and status <> 'CLOSED'",
                "council_decision_due_at", BATCH, now);
        int raised = 0;
        for (UUID id : due) {
            Concern c = em.find(Concern.class, id);
            if (!subjectKnown(c)) {
                continue;
            }
            outbox.publish(c.id, c.breachCouncilDecisionClock(now));
            raised++;
        }
        return raised;
    }

    /** Concerns with a clock past due now (breach raised or not yet), most overdue first; never one about the reader. */
    public Page<Concern> overdue(Reader reader, int page, int size) {
        OffsetDateTime now = time.now();
        Visibility visible = Visibility.of(reader);
        String where = " from Concern c where " + visible.condition()
                + " and ((c.status = org.safesessions.safeguarding.domain.ConcernStatus.RAISED and c.acknowledgementDueAt <= :now)"
                + " or (c.councilDecisionDueAt <= :now and c.councilDecidedAt is null"
                + " and c.status <> org.safesessions.safeguarding.domain.ConcernStatus.CLOSED))";
        var items = em.createQuery("select c" + where
                + " order by coalesce(c.acknowledgementDueAt, c.councilDecisionDueAt), c.id", Concern.class);
        var count = em.createQuery("select count(c)" + where, Long.class);
        for (var q : List.of(items, count)) {
            visible.bind(q).setParameter("now", now);
        }
        return new Page<>(items.setFirstResult(page * size).setMaxResults(size).getResultList(), page, size,
                count.getSingleResult());
    }

    /**
     * The breach event names the allegation's subject by Keycloak id, so that notification-service never tells them.
     * A row raised before ids were stored gets its id from the directory here; while Keycloak is away its breach
     * waits for the next pass rather than going out without the id.
     */
    private boolean subjectKnown(Concern c) {
        if (!c.isStaffAllegation() || c.subjectStaffId != null || c.subjectStaffUser == null) {
            return true;
        }
        try {
            staff.byUserName(c.organisation, c.subjectStaffUser).ifPresent(member -> c.subjectStaffId = member.id());
            return true; // not staff of the organisation any more: no alert can reach them
        } catch (StaffDirectoryUnavailableException e) {
            LOG.warnf("clock breach of concern %s waits: the staff directory is unavailable", c.id);
            return false;
        }
    }
}
