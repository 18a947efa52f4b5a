package org.safesessions.consent.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safesessions.consent.domain.Change;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Retention (SPEC §3): a young person inactive for longer than their organisation's retention period is
 * anonymised. Inactive means no change to the record and no consent in force (not yet expired nor withdrawn) since
 * then. The rows stay, with
 * their ids, so every consent, agreement and published event (which carry ids and codes only) still refers to an
 * existing record; what identifies a person is replaced, and free text (evidence references, withdrawal reasons)
 * with it. {@code FOR UPDATE SKIP LOCKED}: two replicas share the work instead of doing it twice.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private static final String DUE = """
            select yp.id
            from young_person yp
            left join organisation_settings s on s.organisation = yp.organisation
            where yp.anonymised_at is null
              and yp.last_active_at < cast(?1 as timestamptz) - cast(coalesce(s.retention_period, ?2) as interval)
              and not exists (select 1 from consent c
                              left join consent_withdrawal w on w.consent_id = c.id
                              where c.young_person_id = yp.id
                                and coalesce(w.withdrawn_at, c.expires_at)
                                    > cast(?1 as timestamptz) - cast(coalesce(s.retention_period, ?2) as interval))
            order by yp.last_active_at
            limit ?3
            for update of yp skip locked
            """;

    @Inject
    EntityManager em;

    @Inject
    Time time;

    @Inject
    ConsentSettings settings;

    @Inject
    AuditTrail audit;

    @Scheduled(every = "${consent.retention.every}", delayed = "${consent.retention.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("retention pass failed (%s); retrying on the next pass", e.getClass().getName());
        }
    }

    /** Anonymises every record whose retention period has passed; returns how many. */
    public int runOnce() {
        int total = 0;
        int handled;
        do {
            OffsetDateTime now = time.now();
            handled = QuarkusTransaction.requiringNew().call(() -> anonymiseBatch(now));
            total += handled;
        } while (handled == settings.batchSize());
        if (total > 0) {
            LOG.infof("retention anonymised %d young people's records", total);
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private int anonymiseBatch(OffsetDateTime now) {
        List<UUID> due = em.createNativeQuery(DUE)
                .setParameter(1, now)
                .setParameter(2, settings.retentionPeriod().toString())
                .setParameter(3, settings.batchSize())
                .getResultList();
        for (UUID id : due) {
            YoungPerson yp = YoungPerson.findById(id);
            yp.anonymise(now);
            audit.changedByService(yp, Change.ANONYMISED, YoungPerson.ANONYMISED_FIELDS);
        }
        return due.size();
    }
}
