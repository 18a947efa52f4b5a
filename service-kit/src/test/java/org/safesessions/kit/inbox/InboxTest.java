package org.safesessions.kit.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.kit.KitTestStack;
import org.safesessions.testkit.PostgresResource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idempotent inbox against a real PostgreSQL: applied once, unreadable skipped, failures parked, outages waited out. */
@QuarkusTest
class InboxTest extends KitTestStack {

    @Inject
    Inbox inbox;

    private final String consumer = "kit-test." + UUID.randomUUID();

    private static String record(String eventId) {
        return EventJson.write(new CloudEvent(CloudEvent.SPEC_VERSION, eventId, "/kit-test", "safesessions.test.tallied.v1",
                "subject", OffsetDateTime.now(ZoneOffset.UTC), "application/json", EventJson.mapper().createObjectNode()));
    }

    /** The consumer's effect: a tally row, written in the inbox's transaction. */
    private Consumer<CloudEvent> tally(AtomicInteger calls) {
        return event -> {
            calls.incrementAndGet();
            Tally tally = new Tally();
            tally.eventId = event.id();
            tally.consumer = consumer;
            tally.persist();
        };
    }

    private long tallied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Tally.count("eventId", eventId));
    }

    private long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ProcessedEvent.count("key", new ProcessedEvent.Key(consumer, eventId)));
    }

    private FailedEvent parked(String eventId) {
        return QuarkusTransaction.requiringNew().call(() ->
                FailedEvent.findById(new ProcessedEvent.Key(consumer, eventId)));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String id = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();

        assertTrue(inbox.process(consumer, record(id), tally(calls)));
        assertFalse(inbox.process(consumer, record(id), tally(calls)), "the second delivery finds the first's record");

        assertEquals(1, calls.get());
        assertEquals(1, tallied(id));
        assertEquals(1, processed(id));
    }

    @Test
    void theSameEventIsAppliedOncePerConsumer() {
        String id = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();
        assertTrue(inbox.process(consumer, record(id), tally(calls)));
        assertTrue(inbox.process(consumer + ".other-effect", record(id), event -> calls.incrementAndGet()));
        assertEquals(2, calls.get());
    }

    @Test
    void aRecordThatIsNotACloudEventIsSkipped() {
        AtomicInteger calls = new AtomicInteger();
        assertFalse(inbox.process(consumer, "{\"not\":\"an event\"", tally(calls)));
        assertFalse(inbox.process(consumer, "{\"specversion\":\"1.0\"}", tally(calls)), "no id, source or type");
        assertEquals(0, calls.get());
    }

    @Test
    void anEventTheConsumerCannotReadIsParkedAtOnceAndTheConsumerMovesOn() {
        String id = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();

        assertFalse(inbox.process(consumer, record(id), event -> {
            calls.incrementAndGet();
            throw new UnreadableEventException("no such session");
        }));

        assertEquals(1, calls.get(), "retrying an unreadable event is pointless");
        FailedEvent parked = parked(id);
        assertEquals("org.safesessions.kit.inbox.UnreadableEventException: no such session", parked.error);
        assertEquals("safesessions.test.tallied.v1", parked.eventType);
        assertEquals(id, EventJson.readEnvelope(parked.envelope).id(), "parked with its envelope, to replay");
        assertEquals(0, processed(id), "nothing of the failed try is kept");
    }

    @Test
    void anEventThatKeepsFailingIsParkedAfterFiveTries() {
        String id = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();

        assertFalse(inbox.process(consumer, record(id), event -> {
            tally(calls).accept(event);
            throw new IllegalStateException("a bug");
        }));

        assertEquals(Inbox.ATTEMPTS_BEFORE_PARKING, calls.get());
        assertEquals("java.lang.IllegalStateException", parked(id).error, "the kind of error, never a value");
        assertEquals(0, tallied(id), "each failed try rolled back its effect");
    }

    @Test
    void aFailureThatPassesIsRetriedAndTheEventAppliedOnce() {
        String id = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();

        assertTrue(inbox.process(consumer, record(id), event -> {
            tally(calls).accept(event);
            if (calls.get() < 3) {
                throw new IllegalStateException("not yet");
            }
        }));

        assertEquals(3, calls.get());
        assertEquals(1, tallied(id));
        assertEquals(null, parked(id));
    }

    @Test
    void aDatabaseOutageIsWaitedOutAndNothingIsLost() throws Exception {
        String id = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();
        PostgresResource.stopDatabase();
        CompletableFuture<Void> back = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            PostgresResource.startDatabase();
        });
        try {
            assertTrue(inbox.process(consumer, record(id), tally(calls)), "applied once the database is back");
        } finally {
            back.get(60, TimeUnit.SECONDS);
        }
        assertEquals(1, tallied(id));
        assertEquals(null, parked(id), "an outage never parks an event");
    }

    @Test
    void aBatchIsAppliedInOrderEachEventOnceAndARedeliveredBatchChangesNothing() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        List<String> seen = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        Consumer<CloudEvent> handler = event -> {
            seen.add(event.id());
            tally(calls).accept(event);
        };

        assertEquals(2, inbox.processAll(consumer, List.of(record(a), record(b), record(a)), handler),
                "the second copy of a in the same batch finds its record");
        assertEquals(List.of(a, b), seen);
        assertEquals(0, inbox.processAll(consumer, List.of(record(a), record(b)), handler));
        assertEquals(1, tallied(a));
        assertEquals(1, tallied(b));
        assertEquals(1, processed(b));
    }

    @Test
    void anEventOfABatchThatCannotBeAppliedIsParkedAndTheOthersAreAppliedOnce() {
        String before = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();

        int applied = inbox.processAll(consumer, List.of(record(before), record(bad), record(after)), event -> {
            if (event.id().equals(bad)) {
                throw new UnreadableEventException("no such session");
            }
            tally(calls).accept(event);
        });

        assertEquals(2, applied);
        assertEquals(1, tallied(before), "applied again one by one, once: the failed batch kept nothing");
        assertEquals(1, tallied(after));
        assertEquals(0, processed(bad));
        assertEquals("org.safesessions.kit.inbox.UnreadableEventException: no such session", parked(bad).error);
    }

    @Test
    void aRecordOfABatchThatIsNotACloudEventIsSkippedAndTheOthersApplied() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();
        assertEquals(2, inbox.processAll(consumer, List.of(record(a), "{\"not\":\"an event\"", record(b)), tally(calls)));
        assertEquals(1, tallied(a));
        assertEquals(1, tallied(b));
    }
}
