package org.safesessions.kit.ops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.kit.KitTestStack;
import org.safesessions.kit.inbox.FailedEvent;
import org.safesessions.kit.inbox.Inbox;
import org.safesessions.kit.inbox.ProcessedEvent;
import org.safesessions.kit.inbox.ProcessedEventRetention;
import org.safesessions.kit.inbox.Tally;
import org.safesessions.kit.inbox.UnreadableEventException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stuck events visible and fixable by ops (SPEC §7, §2): listed without personal data, replayed through their
 * consumer's handler, discarded only with a reason; counted by a gauge; processed-event records purged after the
 * retention window. Only the {@code ops} role, which needs no organisation.
 */
@QuarkusTest
class ParkedEventsResourceTest extends KitTestStack {

    private static final String PARKED = "/ops/parked-events";

    @Inject
    Inbox inbox;

    @Inject
    ProcessedEventRetention retention;

    @Inject
    EntityManager em;

    private final String consumer = "kit-test.ops." + UUID.randomUUID();
    /** Whether the consumer's handler fails: a bug, then its fix. */
    private final AtomicBoolean broken = new AtomicBoolean(true);

    /** The consumer's effect is a tally row; while broken it cannot read the event, naming a person in the message. */
    private final Consumer<CloudEvent> handler = event -> {
        if (broken.get()) {
            throw new UnreadableEventException("no young person called Alice Example");
        }
        Tally tally = new Tally();
        tally.eventId = event.id();
        tally.consumer = consumer;
        tally.persist();
    };

    private String parkOne() {
        String id = UUID.randomUUID().toString();
        String record = EventJson.write(new CloudEvent(CloudEvent.SPEC_VERSION, id, "/kit-test",
                "safesessions.test.tallied.v1", "subject", OffsetDateTime.now(ZoneOffset.UTC), "application/json",
                EventJson.mapper().createObjectNode().put("preferredName", "Alice Example")));
        assertFalse(inbox.process(consumer, record, handler), "parked");
        return id;
    }

    private String path(String eventId, String action) {
        return PARKED + "/" + consumer + "/" + eventId + "/" + action;
    }

    private FailedEvent row(String eventId) {
        return QuarkusTransaction.requiringNew().call(() ->
                FailedEvent.findById(new ProcessedEvent.Key(consumer, eventId)));
    }

    private long tallied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Tally.count("eventId", eventId));
    }

    private List<String> listedIds() {
        return given().queryParam("size", 200).get(PARKED).then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.consumer == '" + consumer + "' }.eventId", String.class);
    }

    // ---- list ------------------------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "preferred_username", value = "ops"))
    void opsSeeParkedEventsWithTheErrorClassOnlyNeverItsMessageOrEnvelope() {
        String id = parkOne();

        Response list = given().queryParam("size", 200).get(PARKED);
        list.then().statusCode(200).contentType(containsString("application/json"))
                .body("items.eventId", hasItem(id))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        var item = list.jsonPath().getMap("items.find { it.eventId == '" + id + "' }");
        assertEquals(consumer, item.get("consumer"));
        assertEquals("safesessions.test.tallied.v1", item.get("eventType"));
        assertEquals(1, item.get("attempts"));
        assertEquals(UnreadableEventException.class.getName(), item.get("lastErrorClass"));
        assertNotNull(item.get("lastFailedAt"));
        assertFalse(list.asString().contains("Alice"), "neither the error's message nor the envelope is shown");
        assertFalse(list.asString().contains("envelope"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void opsNeedNoOrganisation() {
        given().get(PARKED).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void aPageOutOfRangeIs400NamingIt() {
        given().queryParam("size", 0).get(PARKED).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
    }

    // ---- replay ----------------------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "preferred_username", value = "ops"))
    void aReplayThatSucceedsAppliesTheEventOnceAndUnparksIt() {
        String id = parkOne();
        broken.set(false); // the fix is deployed

        given().post(path(id, "replay")).then().statusCode(200)
                .body("result", equalTo("REPLAYED")).body("eventId", equalTo(id)).body("consumer", equalTo(consumer));

        assertEquals(1, tallied(id), "applied through the consumer's own handler");
        assertFalse(listedIds().contains(id), "no longer parked");
        FailedEvent row = row(id);
        assertNotNull(row.replayedAt, "the row stays as the record of the replay");
        assertEquals("ops", row.replayedBy);
        given().post(path(id, "replay")).then().statusCode(404).contentType("application/problem+json");
        assertFalse(inbox.process(consumer, EventJson.write(EventJson.readEnvelope(row.envelope)), handler),
                "a redelivery after the replay changes nothing");
        assertEquals(1, tallied(id));
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void aReplayThatFailsAgainKeepsItParkedWithOneMoreAttempt() {
        String id = parkOne();

        given().post(path(id, "replay")).then().statusCode(200)
                .body("result", equalTo("STILL_PARKED")).body("attempts", equalTo(2))
                .body("lastErrorClass", equalTo(UnreadableEventException.class.getName()))
                .body(not(containsString("Alice")));

        assertEquals(0, tallied(id), "the failed replay's effect rolled back");
        assertTrue(listedIds().contains(id), "still parked");
        assertEquals(2, row(id).attempts);
        assertEquals(null, row(id).replayedAt);
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void aReplayOfAConsumerThisReplicaHasNotStartedIs409NamingTheRule() {
        String id = UUID.randomUUID().toString();
        String stranger = "kit-test.not-started." + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into failed_event (consumer, event_id, event_type, envelope, error, failed_at)
                        values (?1, ?2, 'safesessions.test.tallied.v1', '{}', 'java.lang.IllegalStateException', now())""")
                .setParameter(1, stranger).setParameter(2, id).executeUpdate());

        given().post(PARKED + "/" + stranger + "/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("rule", equalTo("consumer-not-running"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void anEventThatIsNotParkedIs404() {
        given().post(path(UUID.randomUUID().toString(), "replay")).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"reason\":\"duplicate\"}")
                .post(path(UUID.randomUUID().toString(), "discard")).then().statusCode(404)
                .contentType("application/problem+json");
        given().post(PARKED + "/" + "c".repeat(101) + "/x/replay").then().statusCode(404);
    }

    // ---- discard ---------------------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "preferred_username", value = "ops"))
    void aDiscardKeepsWhoAndWhyAndTheEventNoLongerListsNorApplies() {
        String id = parkOne();

        given().contentType("application/json").body("{\"reason\":\"test event sent by mistake\"}")
                .post(path(id, "discard")).then().statusCode(200)
                .body("eventId", equalTo(id)).body("discardedBy", equalTo("ops"))
                .body("discardedAt", org.hamcrest.Matchers.notNullValue());

        assertFalse(listedIds().contains(id));
        FailedEvent row = row(id);
        assertEquals("test event sent by mistake", row.discardReason);
        assertEquals("ops", row.discardedBy);
        assertNotNull(row.discardedAt);
        broken.set(false);
        assertFalse(inbox.process(consumer, EventJson.write(EventJson.readEnvelope(row.envelope)), handler),
                "a redelivery of a discarded event changes nothing");
        assertEquals(0, tallied(id));
        given().post(path(id, "replay")).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void aDiscardWithoutAReasonIs400NamingReason() {
        String id = parkOne();
        for (String body : List.of("{}", "{\"reason\":null}", "{\"reason\":\"   \"}",
                "{\"reason\":\"" + "x".repeat(501) + "\"}")) {
            given().contentType("application/json").body(body).post(path(id, "discard")).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        }
        assertTrue(listedIds().contains(id), "still parked");
    }

    // ---- roles -----------------------------------------------------------------------------------------------------

    private void everyOperationAnswers(int status) {
        String id = UUID.randomUUID().toString();
        given().get(PARKED).then().statusCode(status).contentType("application/problem+json");
        given().post(path(id, "replay")).then().statusCode(status).contentType("application/problem+json");
        given().contentType("application/json").body("{\"reason\":\"x\"}").post(path(id, "discard")).then()
                .statusCode(status).contentType("application/problem+json");
    }

    @Test
    void withoutATokenEveryOperationIs401() {
        everyOperationAnswers(401);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void aYouthWorkerIs403() {
        everyOperationAnswers(403);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void aCoordinatorIs403() {
        everyOperationAnswers(403);
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void aSafeguardingLeadIs403() {
        everyOperationAnswers(403);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void aManagerIs403() {
        everyOperationAnswers(403);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void aPartnerCouncilIs403() {
        everyOperationAnswers(403);
    }

    @Test
    @TestSecurity(user = "service-account-notification-service", roles = {"contact-reader", "invitation-reader"})
    void aServiceAccountIs403() {
        everyOperationAnswers(403);
    }

    // ---- metric and retention --------------------------------------------------------------------------------------

    private double gauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = "safesessions_inbox_parked{consumer=\"" + consumer + "\"";
        return metrics.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no gauge for " + consumer));
    }

    @Test
    @TestSecurity(user = "ops", roles = "ops")
    void theParkedGaugeCountsEachConsumersParkedEvents() {
        String first = parkOne();
        parkOne();
        assertEquals(2.0, gauge());

        given().contentType("application/json").body("{\"reason\":\"duplicate\"}").post(path(first, "discard"))
                .then().statusCode(200);
        assertEquals(1.0, gauge(), "a discarded event no longer counts");
    }

    @Test
    void processedEventRecordsPastTheRetentionArePurgedInBatches() {
        String purgeConsumer = "kit-test.purge." + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into processed_event (consumer, event_id, event_type, processed_at)
                            select ?1, 'old-' || n, 'safesessions.test.tallied.v1', now() - interval '91 days'
                            from generate_series(1, 2500) n""").setParameter(1, purgeConsumer).executeUpdate();
            em.createNativeQuery("""
                            insert into processed_event (consumer, event_id, event_type, processed_at)
                            select ?1, 'recent-' || n, 'safesessions.test.tallied.v1', now() - interval '89 days'
                            from generate_series(1, 3) n""").setParameter(1, purgeConsumer).executeUpdate();
        });

        assertTrue(retention.purge() >= 2500, "three batches of at most 1000");

        List<String> left = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select event_id from processed_event where consumer = ?1 order by event_id", String.class)
                .setParameter(1, purgeConsumer).getResultList());
        assertEquals(List.of("recent-1", "recent-2", "recent-3"), left, "within the 90 days: kept");
    }
}
