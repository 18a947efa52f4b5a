package org.safesessions.kit.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.kit.domain.ConflictException;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.outage.Outage;
import org.safesessions.kit.work.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The idempotent consumer. Each event is applied in one transaction together with its processed-event record,
 * so a redelivered event finds the record and changes nothing.
 * <ul>
 * <li>A passing outage (the database away) is waited out with backoff, however long it lasts: nothing is lost.</li>
 * <li>An event that cannot be applied (bad data, or a bug that still fails after a few tries) is parked in
 * {@code failed_event} with the error, so it is visible and can be replayed, and the consumer moves on.</li>
 * </ul>
 * Each consumer's handler is remembered under its name (from {@link #register} or its first {@link #process}), so
 * that ops can {@link #replay} a parked event through the very handler that parked it.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** The wait before each retry: 100 ms doubling to 5 s, for as long as the failure lasts. */
    static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    /** Tries for a failure that is not an outage, before the event is parked. */
    static final int ATTEMPTS_BEFORE_PARKING = 5;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    InboxMetrics metrics;

    private final Map<String, Consumer<CloudEvent>> handlers = new ConcurrentHashMap<>();

    /**
     * Names {@code handler} as {@code consumer}'s, so a parked event can be replayed before the consumer has received
     * anything since the service started (call it from a {@code @Startup} bean; {@link #process} also does it).
     */
    public void register(String consumer, Consumer<CloudEvent> handler) {
        handlers.putIfAbsent(consumer, handler);
        metrics.track(consumer);
    }

    /** The handler known for {@code consumer}, if it has registered or processed anything since the start. */
    Optional<Consumer<CloudEvent>> handlerOf(String consumer) {
        return Optional.ofNullable(handlers.get(consumer));
    }

    /**
     * Applies {@code handler} to the event in {@code record} once per {@code consumer}.
     *
     * @return true if the handler ran now, false if the event had already been processed or was parked
     */
    public boolean process(String consumer, String record, Consumer<CloudEvent> handler) {
        registerOnFirstUse(consumer, handler);
        CloudEvent event;
        try {
            event = EventJson.readEnvelope(record);
        } catch (IllegalArgumentException e) {
            LOG.errorf("%s skipped a record that is not a CloudEvent", consumer);
            return false;
        }
        int tries = 0;    // failed tries in a row, of any kind: sets the wait
        int failures = 0; // of them, failures that are not an outage: the event is parked after a few
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(consumer, event)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
            } catch (RuntimeException e) {
                tries = Math.min(tries + 1, 64); // an outage may last days: the wait stays at its longest
                Duration backoff = BACKOFF.after(tries);
                if (Outage.isOutage(e)) {
                    LOG.warnf("%s waits to apply event %s: %s; retrying in %d ms", consumer, event.id(),
                            e.getClass().getSimpleName(), backoff.toMillis());
                } else if (e instanceof UnreadableEventException || e instanceof IllegalArgumentException
                        || ++failures >= ATTEMPTS_BEFORE_PARKING) {
                    if (park(consumer, event, e, Math.max(failures, 1))) {
                        return false;
                    }
                } else {
                    LOG.warnf("%s failed to apply event %s (%s), attempt %d", consumer, event.id(),
                            e.getClass().getSimpleName(), failures);
                }
                sleep(backoff);
            }
        }
    }

    /**
     * Applies {@code handler} to each event in {@code records}, in order, once per {@code consumer}, as {@link #process}
     * does one: for a consumer that takes a topic's records in batches (a Kafka channel with {@code batch=true}), so
     * that a burst of events costs one transaction, not one each.
     * <p>
     * The batch is applied in one transaction, each event with its processed-event record. If any of it fails, none
     * of it is kept, and each event goes through {@link #process} on its own: the events before the failing one are
     * applied again, the failing one is retried, waited for or parked as ever, and the rest follow. Handlers that
     * only change this service's database (as an inbox's must) cannot tell the difference.
     *
     * @return how many events the handler applied now (redelivered, unreadable or parked ones are not counted)
     */
    public int processAll(String consumer, List<String> records, Consumer<CloudEvent> handler) {
        registerOnFirstUse(consumer, handler);
        if (records.size() == 1) {
            return process(consumer, records.getFirst(), handler) ? 1 : 0;
        }
        Optional<List<CloudEvent>> events = readAll(records);
        if (events.isPresent()) {
            List<CloudEvent> batch = events.get();
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    int applied = 0;
                    for (CloudEvent event : batch) {
                        if (firstDelivery(consumer, event)) {
                            handler.accept(event);
                            applied++;
                        }
                    }
                    return applied;
                });
            } catch (RuntimeException e) {
                LOG.debugf("%s: a batch of %d failed (%s); applying its events one by one", consumer, batch.size(),
                        e.getClass().getSimpleName());
            }
        }
        int applied = 0;
        for (String record : records) {
            applied += process(consumer, record, handler) ? 1 : 0;
        }
        return applied;
    }

    private void registerOnFirstUse(String consumer, Consumer<CloudEvent> handler) {
        if (!handlers.containsKey(consumer)) {
            register(consumer, handler);
        }
    }

    /** Every record's event, or none if one is unreadable: {@link #process} then skips it, with its log line, in order. */
    private static Optional<List<CloudEvent>> readAll(List<String> records) {
        List<CloudEvent> events = new ArrayList<>(records.size());
        for (String record : records) {
            try {
                events.add(EventJson.readEnvelope(record));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(events);
    }

    /**
     * Runs a parked event through its consumer's handler again, in the same kind of transaction as {@link #process}
     * (effect and processed-event record together). Applied (or found already applied): it is no longer parked.
     * Failed: it stays parked with one more attempt and the new error's kind. A passing outage is thrown, not counted.
     */
    public ReplayOutcome replay(String consumer, String eventId, String replayedBy) {
        FailedEvent parked = QuarkusTransaction.requiringNew().call(() -> FailedEvent.findParked(consumer, eventId))
                .orElseThrow(() -> new RecordNotFoundException("parked event"));
        Consumer<CloudEvent> handler = handlerOf(consumer).orElseThrow(() ->
                new ConflictException("consumer-not-running",
                        "this replica has not started the consumer yet; try again once it has received an event"));
        CloudEvent event = EventJson.readEnvelope(parked.envelope);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (firstDelivery(consumer, event)) {
                    handler.accept(event);
                }
                FailedEvent.markReplayed(consumer, eventId, replayedBy, OffsetDateTime.now(clock));
            });
            LOG.infof("%s replayed parked event %s (%s)", consumer, eventId, event.type());
            return ReplayOutcome.replayed(parked);
        } catch (RuntimeException e) {
            if (Outage.isOutage(e)) {
                throw e;
            }
            String error = describe(e);
            int attempts = QuarkusTransaction.requiringNew().call(() ->
                    FailedEvent.failedAgain(consumer, eventId, error, OffsetDateTime.now(clock)));
            LOG.warnf("%s replay of parked event %s failed again (%s)", consumer, eventId, e.getClass().getName());
            return ReplayOutcome.stillParked(parked, attempts, e.getClass().getName());
        }
    }

    /**
     * Gives up on a parked event, keeping who did it and why. It is also recorded as processed, so a redelivery of
     * the same event (a rebalance, a consumer reset) changes nothing either.
     */
    public FailedEvent discard(String consumer, String eventId, String discardedBy, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FailedEvent parked = FailedEvent.findParked(consumer, eventId)
                    .orElseThrow(() -> new RecordNotFoundException("parked event"));
            OffsetDateTime now = OffsetDateTime.now(clock);
            em.createNativeQuery("""
                            insert into processed_event (consumer, event_id, event_type, processed_at)
                            values (?1, ?2, ?3, ?4) on conflict do nothing""")
                    .setParameter(1, consumer)
                    .setParameter(2, eventId)
                    .setParameter(3, parked.eventType)
                    .setParameter(4, now)
                    .executeUpdate();
            parked.discard(discardedBy, reason, now);
            LOG.infof("%s discarded parked event %s (%s)", consumer, eventId, parked.eventType);
            return parked;
        });
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

    /** Parks an event this consumer cannot apply; false if even that failed (the database away), to retry. */
    private boolean park(String consumer, CloudEvent event, RuntimeException failure, int attempts) {
        String error = describe(failure);
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            insert into failed_event (consumer, event_id, event_type, envelope, error, failed_at, attempts)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                    .setParameter(1, consumer)
                    .setParameter(2, event.id())
                    .setParameter(3, event.type())
                    .setParameter(4, EventJson.write(event))
                    .setParameter(5, error)
                    .setParameter(6, OffsetDateTime.now(clock))
                    .setParameter(7, attempts)
                    .executeUpdate());
            // the error's class only: a message may quote data (ops read the class at /ops/parked-events)
            LOG.errorf("%s parked event %s (%s): %s", consumer, event.id(), event.type(), failure.getClass().getName());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("%s could not park event %s yet (%s)", consumer, event.id(), e.getClass().getSimpleName());
            return false;
        }
    }

    /** The failure's kind and, for our own unreadable-event messages, why: no values from the database. */
    private static String describe(RuntimeException failure) {
        String kind = failure.getClass().getName();
        String why = failure instanceof UnreadableEventException || failure instanceof IllegalArgumentException
                ? ": " + failure.getMessage() : "";
        String text = kind + why;
        return text.length() <= 500 ? text : text.substring(0, 500);
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
