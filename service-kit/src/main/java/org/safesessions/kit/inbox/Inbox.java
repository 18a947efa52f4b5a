package org.safesessions.kit.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * The idempotent consumer. Each event is applied in one transaction together with its processed-event record,
 * so a redelivered event finds the record and changes nothing. A transient failure (the database away for a
 * while) is retried with backoff rather than dropped; an event that can never be read is logged by id and skipped.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4); // below Kafka's max.poll.interval.ms

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Applies {@code handler} to the event in {@code json} once per {@code consumer}.
     *
     * @return true if the handler ran, false if the event had already been processed or cannot be read
     */
    public boolean process(String consumer, String json, Consumer<CloudEvent> handler) {
        CloudEvent event;
        try {
            event = EventJson.readEnvelope(json);
        } catch (IllegalArgumentException e) {
            LOG.errorf("%s skipped a record that is not a CloudEvent: %s", consumer, e.getMessage());
            return false;
        }
        long started = System.nanoTime();
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(consumer, event)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
            } catch (UnreadableEventException | IllegalArgumentException e) {
                LOG.errorf("%s skipped event %s (%s): %s", consumer, event.id(), event.type(), e.getMessage());
                return false;
            } catch (RuntimeException e) {
                if (System.nanoTime() - started > GIVE_UP_AFTER.toNanos()) {
                    throw e; // the record is not acknowledged and will be delivered again
                }
                LOG.warnf("%s could not apply event %s yet (%s); retrying in %d ms",
                        consumer, event.id(), e.getClass().getSimpleName(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Records the event as processed by {@code consumer}; false when it already was. */
    boolean firstDelivery(String consumer, CloudEvent event) {
        int inserted = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate();
        return inserted == 1;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", ie);
        }
    }
}
