package org.safesessions.kit.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code safesessions_inbox_parked{consumer}}: events each consumer could not apply and parked, not yet replayed nor
 * discarded (SPEC §7 "counted in metrics"; the {@code InboxEventParked} alert fires on any). A consumer's gauge exists
 * from its first event (or registration) and, after a restart, for every consumer that has ever parked one.
 */
@ApplicationScoped
public class InboxMetrics {

    public static final String PARKED = "safesessions.inbox.parked";
    private static final Logger LOG = Logger.getLogger(InboxMetrics.class);

    private final MeterRegistry registry;
    private final Set<String> tracked = ConcurrentHashMap.newKeySet();

    @Inject
    InboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            QuarkusTransaction.requiringNew().call(FailedEvent::consumers).forEach(this::track);
        } catch (RuntimeException e) {
            LOG.warnf("parked-event gauges wait for the first events: %s", e.getClass().getSimpleName());
        }
    }

    /** Gives {@code consumer} its gauge, once. */
    void track(String consumer) {
        if (tracked.add(consumer)) {
            Gauge.builder(PARKED, () -> parked(consumer))
                    .description("Events this consumer parked and ops have neither replayed nor discarded")
                    .tag("consumer", consumer)
                    .register(registry);
        }
    }

    private static double parked(String consumer) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> FailedEvent.countParked(consumer));
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away: unknown, not zero
        }
    }
}
