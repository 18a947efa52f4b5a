package org.safesessions.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * {@code safesessions_outbox_oldest_pending_seconds}: how long the oldest unpublished event has waited (0 when none
 * waits), by the database's clock. {@code safesessions_outbox_pending} says how many wait, which is never zero for
 * long under steady writes; this says whether they are stuck (the {@code OutboxEventsWaiting} alert, over a minute).
 */
@Startup
@ApplicationScoped
public class OutboxAgeMetrics {

    private final EntityManager em;

    @Inject
    OutboxAgeMetrics(MeterRegistry registry, EntityManager em) {
        this.em = em;
        Gauge.builder("safesessions.outbox.oldest.pending.seconds", this::oldestPendingSeconds)
                .description("Seconds the oldest event in the outbox has waited to be published to Kafka")
                .register(registry);
    }

    private double oldestPendingSeconds() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                            select coalesce(extract(epoch from now() - min(created_at)), 0)
                            from outbox_message where published_at is null""")
                    .getSingleResult()).doubleValue());
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away: unknown, not zero
        }
    }
}
