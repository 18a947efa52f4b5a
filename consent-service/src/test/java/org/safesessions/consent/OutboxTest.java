package org.safesessions.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.ContactChannel;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.consent.application.YoungPeopleRegister;
import org.safesessions.kit.outbox.OutboxMessage;
import org.safesessions.testkit.Eventually;
import org.safesessions.testkit.KafkaProbe;
import org.safesessions.testkit.KafkaResource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transactional outbox against a real broker: state and event together, and Kafka down = events wait. */
@QuarkusTest
class OutboxTest extends ConsentTestStack {

    @Inject
    YoungPeopleRegister register;

    private static YoungPeopleRegister.Register request(String name) {
        return new YoungPeopleRegister.Register(name, LocalDate.of(2010, 1, 2), "E10000020",
                List.of(new YoungPeopleRegister.GuardianDetails("Lee Carer", "aunt", "lee@example.org", null,
                        ContactChannel.EMAIL)));
    }

    @Test
    void stateChangeAndItsEventAreWrittenInOneTransaction() {
        QuarkusTransaction.begin();
        UUID rolledBack = register.register("org-a", request("Rolled Back"), "coord-a").id;
        QuarkusTransaction.rollback();
        UUID committed = QuarkusTransaction.requiringNew().call(() -> register.register("org-a", request("Kept"), "coord-a").id);

        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(YoungPerson.findById(rolledBack));
            assertEquals(0, OutboxMessage.count("aggregateId", rolledBack.toString()), "no event without its state");
            assertNotNull(YoungPerson.findById(committed));
            assertEquals(1, OutboxMessage.count("aggregateId", committed.toString()), "the state carries its event");
        });
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsDownAndArriveOnceItIsBack() throws InterruptedException {
        KafkaResource.stopBroker();
        UUID id;
        try {
            id = register.register("org-a", request("While Kafka Down"), "coord-a").id; // the write still succeeds
            Thread.sleep(2_000);
            assertTrue(QuarkusTransaction.requiringNew().call(() ->
                    OutboxMessage.<OutboxMessage>find("aggregateId", id.toString()).firstResult().publishedAt == null),
                    "the event waits unpublished while Kafka is down");
            given().get("/q/health/group/kafka").then().statusCode(503); // Kafka reported down …
            given().get("/q/health/ready").then().statusCode(200);        // … but the service still takes writes
        } finally {
            KafkaResource.startBroker();
        }
        String key = id.toString();
        var records = KafkaProbe.readAll("consent-events", Duration.ofSeconds(60),
                rs -> rs.stream().anyMatch(r -> r.key().equals(key)));
        assertEquals(1, records.stream().filter(r -> r.key().equals(key)).count(), "the event arrives once Kafka is back");
        assertNotNull(QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("aggregateId", key).firstResult().publishedAt));
        Eventually.await("Kafka reported up again by itself", () -> given().get("/q/health/group/kafka").statusCode() == 200);
    }
}
