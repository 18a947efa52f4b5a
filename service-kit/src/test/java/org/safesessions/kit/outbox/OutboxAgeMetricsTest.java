package org.safesessions.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.safesessions.kit.KitTestStack;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox's age gauge says how long the oldest unpublished event has waited: what the waiting-events alert reads. */
@QuarkusTest
class OutboxAgeMetricsTest extends KitTestStack {

    @Inject
    EntityManager em;

    private double oldestPendingSeconds() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("safesessions_outbox_oldest_pending_seconds"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no safesessions_outbox_oldest_pending_seconds"));
    }

    @Test
    void theGaugeShowsHowLongTheOldestUnpublishedEventHasWaited() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into outbox_message (id, aggregate_type, aggregate_id, event_type, topic, envelope, created_at)
                        values (?1, 'test', 'a', 'safesessions.test.tallied.v1', 'consent-events', '{}',
                                now() - interval '2 minutes')""").setParameter(1, id).executeUpdate());
        try {
            double waited = oldestPendingSeconds();
            assertTrue(waited >= 120 && waited < 600, "waited " + waited + " s");
        } finally {
            QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery("delete from outbox_message where id = ?1").setParameter(1, id).executeUpdate());
        }
        assertTrue(oldestPendingSeconds() < 120, "the stuck event gone: nothing that old waits");
    }
}
