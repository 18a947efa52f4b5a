package org.safesessions.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code safesessions_outbox_pending}: events written but not yet acknowledged by Kafka (grows while it is down). */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    OutboxMetrics(MeterRegistry registry) {
        Gauge.builder("safesessions.outbox.pending", OutboxMetrics::pending)
                .description("Events in the outbox not yet published to Kafka")
                .register(registry);
    }

    private static double pending() {
        try {
            return QuarkusTransaction.requiringNew().call(OutboxMessage::countUnpublished);
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away: unknown, not zero
        }
    }
}
