package org.safesessions.consent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventType;
import org.safesessions.kit.outbox.OutboxMessage;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ConsentWithdrawalTest extends ConsentTestStack {

    private static final String WITHDRAW = "{\"reason\":\"Family moved away\"}";

    @Test
    void withdrawalIsANewFactWithWhoWhenAndWhyAndTheConsentItselfIsUnchanged() {
        String[] ids = Fixtures.register("Withdrawn Wren");
        String consentId = Fixtures.consent(ids[0], ids[1]);
        given().contentType(ContentType.JSON).body(WITHDRAW).post("/consents/" + consentId + "/withdrawal")
                .then().statusCode(201)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawal.withdrawnBy", equalTo("coord-a"))
                .body("withdrawal.reason", equalTo("Family moved away"))
                .body("withdrawal.withdrawnAt", notNullValue());
        given().get("/young-people/" + ids[0] + "/consents").then().statusCode(200)
                .body("[0].id", equalTo(consentId))
                .body("[0].status", equalTo("WITHDRAWN"))
                .body("[0].givenAt", equalTo(Fixtures.GIVEN_AT.toString()))
                .body("[0].evidenceReference", equalTo("FORM-2026-001"));
        given().get("/young-people/" + ids[0] + "/consent-history").then().statusCode(200)
                .body("fact", contains("GRANTED", "WITHDRAWN"))
                .body("consentId", contains(consentId, consentId));
    }

    @Test
    void withdrawalIsPublishedWithIdsAndCodesOnlyNotTheReason() {
        String[] ids = Fixtures.register("Published Withdrawal");
        String consentId = Fixtures.consent(ids[0], ids[1]);
        Fixtures.withdraw(consentId);
        List<OutboxMessage> messages = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.list("aggregateId = ?1 and eventType = ?2", consentId, EventType.CONSENT_WITHDRAWN.type()));
        assertEquals(1, messages.size());
        CloudEvent event = EventJson.readEnvelope(messages.get(0).envelope);
        var withdrawn = event.payload(EventType.CONSENT_WITHDRAWN);
        assertEquals(ids[0], withdrawn.youngPersonId().toString());
        assertEquals("org-a", withdrawn.organisation());
        assertFalse(messages.get(0).envelope.contains("moved away"), "the reason is free text: never on Kafka");
    }

    @Test
    void consentIsWithdrawnOnlyOnce() {
        String[] ids = Fixtures.register("Twice Withdrawn");
        String consentId = Fixtures.consent(ids[0], ids[1]);
        Fixtures.withdraw(consentId);
        given().contentType(ContentType.JSON).body(WITHDRAW).post("/consents/" + consentId + "/withdrawal")
                .then().statusCode(409).body("rule", equalTo("consent-withdrawn-once"));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "aggregateId = ?1 and eventType = ?2", consentId, EventType.CONSENT_WITHDRAWN.type())));
    }

    @Test
    void anExpiredConsentCannotBeWithdrawn() {
        String[] ids = Fixtures.register("Expired Before");
        String consentId = given().contentType(ContentType.JSON)
                .body(Fixtures.consentBody(ids[1], "GROUP_SESSIONS", "[\"ZOOM\"]", Fixtures.GIVEN_AT,
                        Fixtures.GIVEN_AT.plusDays(1)))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(WITHDRAW).post("/consents/" + consentId + "/withdrawal")
                .then().statusCode(409).body("rule", equalTo("only-an-unexpired-consent-can-be-withdrawn"));
    }

    @Test
    void withdrawalBadInputsAre400NamingTheField() {
        String[] ids = Fixtures.register("Bad Withdrawal");
        String consentId = Fixtures.consent(ids[0], ids[1]);
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + consentId + "/withdrawal")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"" + "x".repeat(501) + "\"}")
                .post("/consents/" + consentId + "/withdrawal").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\":")
                .post("/consents/" + consentId + "/withdrawal").then().statusCode(400);
        given().contentType(ContentType.JSON).body(WITHDRAW).post("/consents/not-a-uuid/withdrawal")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(WITHDRAW).post("/consents/" + Fixtures.unknownId() + "/withdrawal")
                .then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotWithdrawConsent() {
        given().contentType(ContentType.JSON).body(WITHDRAW).post("/consents/" + Fixtures.unknownId() + "/withdrawal")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotWithdrawOrReadConsent() {
        given().contentType(ContentType.JSON).body(WITHDRAW).post("/consents/" + Fixtures.unknownId() + "/withdrawal")
                .then().statusCode(403);
        given().get("/consents/" + Fixtures.unknownId()).then().statusCode(403);
        given().get("/young-people/" + Fixtures.unknownId() + "/consent-history").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void safeguardingLeadMayWithdrawConsent() {
        String[] ids = Fixtures.register("Lead Withdraws");
        Fixtures.withdraw(Fixtures.consent(ids[0], ids[1]));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managerMayWithdrawConsent() {
        String[] ids = Fixtures.register("Manager Withdraws");
        Fixtures.withdraw(Fixtures.consent(ids[0], ids[1]));
    }

    @Test
    void anotherOrganisationsConsentIs404() {
        String[] ids = TestData.consentInOrgB();
        given().contentType(ContentType.JSON).body(WITHDRAW).post("/consents/" + ids[1] + "/withdrawal")
                .then().statusCode(404);
        given().get("/consents/" + ids[1]).then().statusCode(404);
        given().get("/young-people/" + ids[0] + "/consent-history").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerSeesTheWithdrawnStatusButNotTheReason() {
        String[] consent = TestData.withdrawnConsentInOrgA();
        given().get("/consents/" + consent[1]).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawal.withdrawnBy", equalTo("coord-a"))
                .body("withdrawal.reason", nullValue());
        given().get("/young-people/" + consent[0] + "/consents").then().statusCode(200)
                .body("[0].status", equalTo("WITHDRAWN"))
                .body("[0].withdrawal.reason", nullValue());
    }
}
