package org.safesessions.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.kit.KitTestStack;
import org.safesessions.testkit.Eventually;
import org.safesessions.testkit.KafkaProbe;
import org.safesessions.testkit.KafkaResource;
import org.safesessions.testkit.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox relay against a real PostgreSQL and Kafka. The tests drive each pass themselves (the scheduler is off
 * in the kit's test configuration), and write outbox rows as {@link Outbox#publish} would.
 */
@QuarkusTest
class OutboxRelayTest extends KitTestStack {

    private static final String TOPIC = "consent-events";

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    /** One key for a test's events: one partition, so Kafka's order is the relay's order. */
    private final String key = "relay-test-" + UUID.randomUUID();

    @BeforeEach
    void emptyOutbox() {
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.deleteAll());
    }

    private UUID write(String topic, String envelope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage message = new OutboxMessage();
            message.id = UUID.randomUUID();
            message.aggregateType = "Test";
            message.aggregateId = key;
            message.eventType = "safesessions.test.written.v1";
            message.topic = topic;
            message.envelope = envelope;
            message.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            message.persist();
            return message.id;
        });
    }

    private OutboxMessage read(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(id));
    }

    /** Whether the database (whose clock leases and backoffs follow) still holds the event back. */
    private boolean heldBack(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "select next_attempt_at > now() from outbox_message where id = ?1").setParameter(1, id).getSingleResult());
    }

    private List<String> onKafka(int expected, Duration wait) {
        return KafkaProbe.readAll(TOPIC, wait, records -> mine(records).size() >= expected).stream()
                .filter(r -> r.key().equals(key)).map(ConsumerRecord::value).toList();
    }

    private List<ConsumerRecord<String, String>> mine(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.key().equals(key)).toList();
    }

    @Test
    void eventsLeaveInTheOrderTheyWereWrittenAndAreMarkedPublished() {
        List<UUID> ids = List.of(write(TOPIC, "first"), write(TOPIC, "second"), write(TOPIC, "third"),
                write(TOPIC, "fourth"));

        assertEquals(4, relay.relayPending());

        assertEquals(List.of("first", "second", "third", "fourth"), onKafka(4, Duration.ofSeconds(30)));
        for (UUID id : ids) {
            OutboxMessage sent = read(id);
            assertNotNull(sent.publishedAt);
            assertNull(sent.nextAttemptAt, "no lease left behind");
            assertEquals(0, sent.attempts);
        }
        assertEquals(0, relay.relayPending(), "nothing is sent twice");
    }

    @Test
    void nothingAfterAnUnacknowledgedEventIsMarkedSentAndItAllGoesAgainInOrderAfterABackoff() {
        UUID before = write(TOPIC, "before");
        UUID refused = write("no-such-topic", "refused"); // the broker does not create topics: never acknowledged
        UUID after = write(TOPIC, "after");

        assertEquals(3, relay.relayPending(), "one batch claimed");

        assertNotNull(read(before).publishedAt, "acknowledged before the failure: published");
        OutboxMessage failed = read(refused);
        assertNull(failed.publishedAt);
        assertEquals(1, failed.attempts);
        assertNotNull(failed.lastError);
        OutboxMessage behind = read(after);
        assertNull(behind.publishedAt, "never overtakes the event that failed");
        assertEquals(1, behind.attempts);
        assertNull(behind.lastError, "the error is the failed event's");
        assertTrue(heldBack(refused) && heldBack(after), "both wait out a backoff");
        assertEquals(0, relay.relayPending(), "a pass during the backoff claims nothing: no spinning");

        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update outbox_message set topic = ?1 where id = ?2")
                        .setParameter(1, TOPIC).setParameter(2, refused).executeUpdate());
        Eventually.await("sent once the backoff has passed", Duration.ofSeconds(20), () -> {
            relay.relayPending();
            return read(after).publishedAt != null;
        });
        assertEquals(List.of("before", "refused", "after"), onKafka(3, Duration.ofSeconds(30)));
        assertNull(read(refused).lastError, "cleared once Kafka acknowledged it");
    }

    @Test
    void whileABatchIsLeasedNoOtherPassClaimsTheOldestEventsOrOvertakesThem() {
        UUID inFlight = write(TOPIC, "leased");
        // Another replica claims it and crashes before recording anything.
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> relay.claim(10)).size());
        UUID newer = write(TOPIC, "newer");

        assertEquals(0, relay.relayPending(), "the lease holds the head of the outbox, and everything behind it");
        assertNull(read(newer).publishedAt);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update outbox_message set next_attempt_at = now() - interval '1 second' where id = ?1")
                .setParameter(1, inFlight).executeUpdate()); // the crashed replica's lease runs out
        assertEquals(2, relay.relayPending());
        assertEquals(List.of("leased", "newer"), onKafka(2, Duration.ofSeconds(30)));
    }

    @Test
    void whileAnotherReplicaClaimsThisOneClaimsNothing() throws Exception {
        UUID id = write(TOPIC, "one relay at a time");
        try (Connection replica = DriverManager.getConnection(PostgresResource.adminJdbcUrl())) {
            replica.setAutoCommit(false);
            replica.createStatement().execute("select pg_advisory_xact_lock(hashtext('safesessions.outbox-relay'))");

            assertEquals(0, relay.relayPending());
            assertNull(read(id).publishedAt);

            replica.rollback();
        }
        assertEquals(1, relay.relayPending());
        assertNotNull(read(id).publishedAt);
    }

    @Test
    void whileKafkaIsDownEventsWaitAndLeaveOnceItIsBack() {
        KafkaResource.stopBroker();
        UUID id;
        try {
            id = write(TOPIC, "during the outage");
            relay.relayPending();
            OutboxMessage waiting = read(id);
            assertNull(waiting.publishedAt);
            assertTrue(waiting.attempts >= 1);
            assertNotNull(waiting.lastError);
        } finally {
            KafkaResource.startBroker();
        }
        Eventually.await("published once Kafka is back", Duration.ofSeconds(60), () -> {
            relay.relayPending();
            return read(id).publishedAt != null;
        });
        assertEquals(List.of("during the outage"), onKafka(1, Duration.ofSeconds(30)));
    }
}
