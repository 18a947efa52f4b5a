package org.safesessions.consent.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safesessions.consent.domain.OrganisationSettings;
import org.safesessions.events.consent.ConsentExpiredV1;
import org.safesessions.events.consent.ConsentExpiringV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.time.Time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Tells the other services when a consent is about to expire (ConsentExpiring, so guardians are reminded, the
 * organisation's lead days before) and when it has expired (ConsentExpired, so the young person leaves future
 * sessions). Each at most once per consent: a {@code consent_notice} row keyed by consent and kind is written in the
 * transaction that publishes the event, so with several replicas only the first insert publishes. A withdrawn
 * consent gets neither (its withdrawal already told everyone); a reminder is not sent once the expiry has passed.
 */
@ApplicationScoped
public class ExpiryWatch {

    private static final Logger LOG = Logger.getLogger(ExpiryWatch.class);

    private static final String EXPIRING = "EXPIRING";
    private static final String EXPIRED = "EXPIRED";

    private static final String DUE_FOR_REMINDER = """
            select c.id, c.young_person_id, c.organisation, c.scope, c.expires_at
            from consent c
            left join organisation_settings s on s.organisation = c.organisation
            where c.expires_at > cast(?1 as timestamptz) and c.expires_at <= cast(?2 as timestamptz)
              and c.expires_at - make_interval(days => coalesce(s.reminder_lead_days, ?3)) <= cast(?1 as timestamptz)
              and not exists (select 1 from consent_withdrawal w where w.consent_id = c.id)
              and not exists (select 1 from consent_notice n where n.consent_id = c.id and n.kind = 'EXPIRING')
            order by c.expires_at
            limit ?4
            """;

    private static final String DUE_FOR_EXPIRY = """
            select c.id, c.young_person_id, c.organisation, c.scope, c.expires_at
            from consent c
            where c.expires_at <= cast(?1 as timestamptz)
              and not exists (select 1 from consent_withdrawal w where w.consent_id = c.id)
              and not exists (select 1 from consent_notice n where n.consent_id = c.id and n.kind = 'EXPIRED')
            order by c.expires_at
            limit ?2
            """;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    ConsentSettings settings;

    @Scheduled(every = "${consent.expiry.every}", delayed = "${consent.expiry.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // the next pass picks up where this one stopped; ids and kinds only in the log
            LOG.warnf("consent expiry pass failed (%s); retrying on the next pass", e.getClass().getName());
        }
    }

    /** One pass over what is due now; returns how many events it published. */
    public int runOnce() {
        int published = 0;
        int batch = settings.batchSize();
        int handled;
        do {
            OffsetDateTime now = time.now();
            handled = QuarkusTransaction.requiringNew().call(() -> remind(now, batch));
            published += handled;
        } while (handled == batch);
        do {
            OffsetDateTime now = time.now();
            handled = QuarkusTransaction.requiringNew().call(() -> expire(now, batch));
            published += handled;
        } while (handled == batch);
        return published;
    }

    @SuppressWarnings("unchecked")
    private int remind(OffsetDateTime now, int batch) {
        List<Object[]> due = em.createNativeQuery(DUE_FOR_REMINDER)
                .setParameter(1, now)
                .setParameter(2, now.plusDays(OrganisationSettings.MAX_REMINDER_LEAD_DAYS))
                .setParameter(3, settings.reminderLeadDays())
                .setParameter(4, batch)
                .getResultList();
        for (Object[] row : due) {
            Due consent = Due.of(row);
            if (notice(consent.id, EXPIRING, now)) {
                outbox.publish(consent.id, new ConsentExpiringV1(consent.id,
                        consent.youngPersonId, consent.organisation, consent.scope, consent.expiresAt));
            }
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private int expire(OffsetDateTime now, int batch) {
        List<Object[]> due = em.createNativeQuery(DUE_FOR_EXPIRY)
                .setParameter(1, now)
                .setParameter(2, batch)
                .getResultList();
        for (Object[] row : due) {
            Due consent = Due.of(row);
            if (notice(consent.id, EXPIRED, now)) {
                outbox.publish(consent.id, new ConsentExpiredV1(consent.id,
                        consent.youngPersonId, consent.organisation, consent.scope, consent.expiresAt));
            }
        }
        return due.size();
    }

    /** True for the one pass that records this notice; another replica's pass finds it there and does nothing. */
    private boolean notice(UUID consentId, String kind, OffsetDateTime now) {
        return em.createNativeQuery("insert into consent_notice (consent_id, kind, noticed_at) values (?1, ?2, ?3) "
                        + "on conflict do nothing")
                .setParameter(1, consentId).setParameter(2, kind).setParameter(3, now)
                .executeUpdate() == 1;
    }

    private record Due(UUID id, UUID youngPersonId, String organisation, ConsentScope scope, OffsetDateTime expiresAt) {
        static Due of(Object[] row) {
            return new Due((UUID) row[0], (UUID) row[1], (String) row[2], ConsentScope.valueOf((String) row[3]),
                    toOffset(row[4]));
        }
    }

    static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time type " + value.getClass().getName());
    }
}
