package org.safesessions.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * Delivery records say who was sent what about which young person: every list, read and retry of them is in the
 * access log (SPEC §3), which DSLs and managers query (SPEC §2) at {@code /notifications/access-log}.
 */
@QuarkusTest
class DeliveryAccessLogTest extends NotificationFixtures {

    /** A family's message, already sent, so nothing sends it again meanwhile. */
    private static UUID sentMessage(String organisation, UUID youngPerson) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = new Delivery();
            d.id = id;
            d.organisation = organisation;
            d.eventId = UUID.randomUUID().toString();
            d.templateKey = "consent-confirmation";
            d.recipientKind = Delivery.RecipientKind.GUARDIAN;
            d.recipientId = UUID.randomUUID();
            d.youngPersonId = youngPerson;
            d.channel = Channel.EMAIL;
            d.status = DeliveryStatus.SENT;
            d.statusReason = null;
            d.attempts = 1;
            d.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            d.sentAt = d.createdAt;
            d.params = "{}";
            d.persist();
        });
        return id;
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
    void everyListAndReadOfADeliveryRecordIsLoggedUnderTheYoungPersonItIsAbout() {
        UUID youngPerson = UUID.randomUUID();
        UUID id = sentMessage("org-a", youngPerson);
        given().get("/notifications").then().statusCode(200);
        given().get("/notifications/" + id).then().statusCode(200);
        given().queryParam("recordId", youngPerson.toString()).get("/notifications/access-log").then().statusCode(200)
                .body("items.action", equalTo(java.util.List.of("READ")))
                .body("items[0].recordType", equalTo("DELIVERY"))
                .body("items[0].recordId", equalTo(id.toString()));
        given().queryParam("user", "MANAGER-A").get("/notifications/access-log").then().statusCode(200)
                .body("items.action", hasItems("READ", "LIST"));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void aDslMayQueryTheLog() {
        given().get("/notifications/access-log").then().statusCode(200).contentType(containsString("application/json"));
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsEntriesAreNeverReturned() {
        UUID youngPerson = UUID.randomUUID();
        UUID id = sentMessage("org-a", youngPerson);
        given().get("/notifications/" + id).then().statusCode(404);
        given().queryParam("recordId", youngPerson.toString()).get("/notifications/access-log").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void badFiltersAre400NamingTheParameter() {
        given().queryParam("recordId", "not-a-uuid").get("/notifications/access-log").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().queryParam("from", "2026-12-02T10:00:00Z").queryParam("to", "2026-12-01T10:00:00Z")
                .get("/notifications/access-log").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void theLogNeedsAToken() {
        given().get("/notifications/access-log").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotQueryTheLog() {
        given().get("/notifications/access-log").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotQueryTheLog() {
        given().get("/notifications/access-log").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotQueryTheLog() {
        given().get("/notifications/access-log").then().statusCode(403);
    }
}
