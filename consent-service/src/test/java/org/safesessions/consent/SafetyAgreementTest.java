package org.safesessions.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventType;
import org.safesessions.kit.outbox.OutboxMessage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestSecurity(user = "worker-a", roles = "youth-worker")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class SafetyAgreementTest extends ConsentTestStack {

    private static final String AGREEMENT = "{\"agreementVersion\":\"2026.1\"}";

    @Test
    void staffRecordTheYoungPersonsOnlineSafetyAgreementAndItIsPublished() {
        YoungPerson yp = TestData.youngPerson("org-a", "Agreeing Alex");
        String agreementId = given().contentType(ContentType.JSON).body(AGREEMENT)
                .post("/young-people/" + yp.id + "/agreements").then().statusCode(201)
                .body("agreementVersion", equalTo("2026.1"))
                .body("recordedBy", equalTo("worker-a"))
                .extract().path("id");
        given().get("/young-people/" + yp.id + "/agreements").then().statusCode(200)
                .body("id", hasItem(agreementId)).body("$", hasSize(1));
        OutboxMessage recorded = QuarkusTransaction.requiringNew().call(() -> (OutboxMessage) OutboxMessage.find(
                "aggregateId = ?1 and eventType = ?2", agreementId, EventType.AGREEMENT_RECORDED.type()).singleResult());
        var payload = EventJson.readEnvelope(recorded.envelope).payload(EventType.AGREEMENT_RECORDED);
        assertEquals(yp.id, payload.youngPersonId());
        assertEquals("2026.1", payload.agreementVersion());
    }

    @Test
    void agreementIsToAPublishedVersionOfTheCodeOfConduct() {
        YoungPerson yp = TestData.youngPerson("org-a", "Unknown Version");
        given().contentType(ContentType.JSON).body("{\"agreementVersion\":\"1999.9\"}")
                .post("/young-people/" + yp.id + "/agreements").then().statusCode(422)
                .body("rule", equalTo("agreement-to-a-published-code-of-conduct"));
    }

    @Test
    void agreementCannotBeMadeInTheFuture() {
        YoungPerson yp = TestData.youngPerson("org-a", "Future Agreement");
        given().contentType(ContentType.JSON)
                .body("{\"agreementVersion\":\"2026.1\",\"agreedAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).plusDays(2) + "\"}")
                .post("/young-people/" + yp.id + "/agreements").then().statusCode(422)
                .body("rule", equalTo("agreement-made-in-the-past"));
    }

    @Test
    void agreementBadInputsAre400() {
        YoungPerson yp = TestData.youngPerson("org-a", "Bad Agreement");
        given().contentType(ContentType.JSON).body("{}").post("/young-people/" + yp.id + "/agreements")
                .then().statusCode(400).body("errors.field", hasItem("agreementVersion"));
        given().contentType(ContentType.JSON).body("{\"agreementVersion\":\"2026.1\",\"agreedAt\":\"last week\"}")
                .post("/young-people/" + yp.id + "/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("agreedAt"));
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotRecordOrReadAgreements() {
        given().contentType(ContentType.JSON).body(AGREEMENT).post("/young-people/" + Fixtures.unknownId() + "/agreements")
                .then().statusCode(403);
        given().get("/young-people/" + Fixtures.unknownId() + "/agreements").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-b", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsYoungPersonIs404() {
        YoungPerson yp = TestData.youngPerson("org-a", "Org A Agreement");
        given().contentType(ContentType.JSON).body(AGREEMENT).post("/young-people/" + yp.id + "/agreements")
                .then().statusCode(404);
        given().get("/young-people/" + yp.id + "/agreements").then().statusCode(404);
    }
}
