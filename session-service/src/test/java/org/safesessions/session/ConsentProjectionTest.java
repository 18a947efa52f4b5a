package org.safesessions.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventPayload;
import org.safesessions.events.consent.ConsentExpiringV1;
import org.safesessions.events.consent.ConsentGiver;
import org.safesessions.events.consent.ConsentGrantedV1;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.inbox.FailedEvent;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.kit.inbox.ProcessedEvent;
import org.safesessions.session.domain.ProjectedConsent;
import org.safesessions.session.domain.Session;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.KafkaProbe;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.safesessions.testkit.Eventually.await;

/** Session-service's own projection of consent state, fed idempotently by consent events from a real broker. */
@QuarkusTest
class ConsentProjectionTest extends SessionTestStack {

    /** A month ago, so the consents are active whenever the tests run. */
    private static final OffsetDateTime GIVEN = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(1).withNano(0);

    @Inject
    Inbox inbox;

    static String envelope(UUID aggregateId, EventPayload payload) {
        return Events.envelope("/consent-service", aggregateId, payload);
    }

    static ConsentGrantedV1 granted(UUID consentId, UUID youngPersonId, String organisation) {
        return new ConsentGrantedV1(consentId, youngPersonId, organisation, ConsentScope.GROUP_SESSIONS,
                Set.of(Platform.ZOOM), ConsentGiver.GUARDIAN, UUID.randomUUID(), GIVEN, GIVEN.plusYears(1));
    }

    static boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ProcessedEvent.count("key.eventId", eventId) > 0);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void consentGrantedShowsInSessionServicesOwnProjection() {
        UUID consentId = UUID.randomUUID();
        UUID youngPersonId = UUID.randomUUID();
        KafkaProbe.send("consent-events", consentId.toString(), envelope(consentId, granted(consentId, youngPersonId, "org-a")));
        await("the projection shows the consent", () ->
                given().get("/young-people/" + youngPersonId + "/consent-state").statusCode() == 200);
        given().get("/young-people/" + youngPersonId + "/consent-state").then()
                .body("[0].consentId", equalTo(consentId.toString()))
                .body("[0].state", equalTo("ACTIVE"))
                .body("[0].platforms[0]", equalTo("ZOOM"));

        KafkaProbe.send("consent-events", consentId.toString(), envelope(consentId, new ConsentWithdrawnV1(
                consentId, youngPersonId, "org-a", ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(ZoneOffset.UTC))));
        await("the projection shows the withdrawal", () -> "WITHDRAWN".equals(
                given().get("/young-people/" + youngPersonId + "/consent-state").path("[0].state")));
    }

    @Test
    void redeliveredEventChangesNothing() {
        UUID consentId = UUID.randomUUID();
        String event = envelope(consentId, granted(consentId, UUID.randomUUID(), "org-a"));
        String eventId = EventJson.readEnvelope(event).id();
        KafkaProbe.send("consent-events", consentId.toString(), event);
        await("the event is applied", () -> processed(eventId));
        OffsetDateTime firstApplied = QuarkusTransaction.requiringNew().call(() ->
                ProjectedConsent.<ProjectedConsent>findById(consentId).updatedAt);

        // the same event again, then a marker on the same key (same partition: consumed after the redelivery)
        KafkaProbe.send("consent-events", consentId.toString(), event);
        String marker = envelope(consentId, new ConsentExpiringV1(consentId, UUID.randomUUID(), "org-a",
                ConsentScope.GROUP_SESSIONS, GIVEN.plusYears(1)));
        KafkaProbe.send("consent-events", consentId.toString(), marker);
        await("the marker after the redelivery is consumed", () -> processed(EventJson.readEnvelope(marker).id()));

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(firstApplied, ProjectedConsent.<ProjectedConsent>findById(consentId).updatedAt,
                    "the redelivered event was not applied again");
            assertEquals(1, ProcessedEvent.count("key.eventId", eventId));
        });
    }

    @Test
    void inboxAppliesAnEventOncePerConsumer() {
        UUID consentId = UUID.randomUUID();
        String event = envelope(consentId, granted(consentId, UUID.randomUUID(), "org-a"));
        AtomicInteger applied = new AtomicInteger();
        assertTrue(inbox.process("test-consumer", event, e -> applied.incrementAndGet()));
        assertFalse(inbox.process("test-consumer", event, e -> applied.incrementAndGet()));
        assertTrue(inbox.process("another-consumer", event, e -> applied.incrementAndGet()));
        assertEquals(2, applied.get());
    }

    @Test
    void failedEffectLeavesTheEventUnprocessedSoItIsRetried() {
        UUID consentId = UUID.randomUUID();
        String event = envelope(consentId, granted(consentId, UUID.randomUUID(), "org-a"));
        AtomicInteger attempts = new AtomicInteger();
        assertTrue(inbox.process("flaky-consumer", event, e -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database away for a moment");
            }
        }));
        assertEquals(3, attempts.get(), "retried until the effect succeeded");
        assertFalse(inbox.process("flaky-consumer", event, e -> attempts.incrementAndGet()));
    }

    @Test
    void eventThatCanNeverBeAppliedIsParkedAndTheConsumerMovesOn() {
        UUID consentId = UUID.randomUUID();
        String event = envelope(consentId, granted(consentId, UUID.randomUUID(), "org-a"));
        AtomicInteger attempts = new AtomicInteger();
        assertFalse(inbox.process("buggy-consumer", event, e -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a bug, not an outage");
        }));
        assertEquals(5, attempts.get(), "tried a few times before parking");
        QuarkusTransaction.requiringNew().run(() -> {
            FailedEvent parked = FailedEvent.findById(new ProcessedEvent.Key("buggy-consumer", EventJson.readEnvelope(event).id()));
            assertEquals("java.lang.IllegalStateException", parked.error);
            assertEquals(0, ProcessedEvent.count("key.consumer = ?1", "buggy-consumer"), "parked, not processed");
        });

        // through Kafka: a grant without platforms cannot be stored; the next event on the same key still is
        UUID brokenId = UUID.randomUUID();
        String broken = envelope(brokenId, new ConsentGrantedV1(brokenId, UUID.randomUUID(), "org-a",
                ConsentScope.GROUP_SESSIONS, null, ConsentGiver.GUARDIAN, null, GIVEN, GIVEN.plusYears(1)));
        KafkaProbe.send("consent-events", brokenId.toString(), broken);
        String next = envelope(brokenId, new ConsentExpiringV1(brokenId, UUID.randomUUID(), "org-a",
                ConsentScope.GROUP_SESSIONS, GIVEN.plusYears(1)));
        KafkaProbe.send("consent-events", brokenId.toString(), next);
        await("the event after the broken one is applied", () -> processed(EventJson.readEnvelope(next).id()));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                FailedEvent.count("key.eventId", EventJson.readEnvelope(broken).id())));
    }

    @Test
    void outageIsWaitedOutNotParked() {
        UUID consentId = UUID.randomUUID();
        String event = envelope(consentId, granted(consentId, UUID.randomUUID(), "org-a"));
        AtomicInteger attempts = new AtomicInteger();
        assertTrue(inbox.process("patient-consumer", event, e -> {
            if (attempts.incrementAndGet() <= 5) { // as many tries as a bug gets before parking: outages never are
                throw new org.hibernate.exception.JDBCConnectionException("database away",
                        new java.sql.SQLException("connection refused", "08001"));
            }
        }));
        assertEquals(6, attempts.get());
    }

    @Test
    void malformedRecordIsSkippedNotFatal() {
        assertFalse(inbox.process("test-consumer", "{not json", e -> fail("must not be applied")));
        KafkaProbe.send("consent-events", "junk", "{not json");
        UUID consentId = UUID.randomUUID();
        UUID youngPersonId = UUID.randomUUID();
        String after = envelope(consentId, granted(consentId, youngPersonId, "org-a"));
        KafkaProbe.send("consent-events", "junk", after);
        await("the consumer goes on after a bad record", () -> processed(EventJson.readEnvelope(after).id()));
    }

    @Test
    void consentStateWithoutTokenIs401() {
        given().get("/young-people/" + UUID.randomUUID() + "/consent-state").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotReadConsentState() {
        given().get("/young-people/" + UUID.randomUUID() + "/consent-state").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-b", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsConsentStateIs404() {
        UUID consentId = UUID.randomUUID();
        UUID youngPersonId = UUID.randomUUID();
        String event = envelope(consentId, granted(consentId, youngPersonId, "org-a"));
        KafkaProbe.send("consent-events", consentId.toString(), event);
        await("the event is applied", () -> processed(EventJson.readEnvelope(event).id()));
        given().get("/young-people/" + youngPersonId + "/consent-state").then().statusCode(404);
        given().get("/young-people/not-a-uuid/consent-state").then().statusCode(400);
    }
}
