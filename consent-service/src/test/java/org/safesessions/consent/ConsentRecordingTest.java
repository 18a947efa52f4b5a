package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventType;
import org.safesessions.testkit.KafkaProbe;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ConsentRecordingTest extends ConsentTestStack {

    @Test
    void consentGivenByARegisteredGuardianIsRecordedAndPublished() {
        String[] ids = Fixtures.register("Morgan");
        String consentId = given().contentType(ContentType.JSON).body(Fixtures.groupConsent(ids[1]))
                .post("/young-people/" + ids[0] + "/consents")
                .then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("expiresAt", equalTo(Fixtures.GIVEN_AT.plusMonths(12).toString())) // the 12-month default
                .extract().path("id");
        given().get("/young-people/" + ids[0] + "/consents").then().statusCode(200).body("id", hasItem(consentId));

        var records = KafkaProbe.readAll("consent-events", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> r.key().equals(consentId)));
        var record = records.stream().filter(r -> r.key().equals(consentId)).findFirst().orElseThrow();
        CloudEvent event = EventJson.readEnvelope(record.value());
        assertEquals("1.0", event.specversion());
        assertEquals("/consent-service", event.source());
        var granted = event.payload(EventType.CONSENT_GRANTED);
        assertEquals("org-a", granted.organisation());
        assertEquals(ids[0], granted.youngPersonId().toString());
        // ids, codes and times only: no names or contact details on Kafka
        assertFalse(record.value().contains("Morgan"));
        assertFalse(record.value().contains("pat@example.org"));
        assertFalse(record.value().contains("Pat Guardian"));
    }

    @Test
    void consentMustBeGivenByThisYoungPersonsGuardian() {
        String[] first = Fixtures.register("Riley");
        String[] second = Fixtures.register("Drew");
        given().contentType(ContentType.JSON).body(Fixtures.groupConsent(second[1]))
                .post("/young-people/" + first[0] + "/consents")
                .then().statusCode(422).body("rule", equalTo("consent-given-by-a-registered-guardian"));
    }

    @Test
    void selfConsentNeedsTheYoungPersonToBe13OrOver() {
        String[] ids = Fixtures.register("Sky"); // born 2012-03-04: 12 on 2025-01-01
        String body = """
                {"scope":"GROUP_SESSIONS","platforms":["ZOOM"],"givenBy":"YOUNG_PERSON",
                 "evidenceReference":"FORM-9","evidenceMethod":"ONLINE_FORM","givenAt":"2025-01-01T10:00:00Z"}""";
        given().contentType(ContentType.JSON).body(body).post("/young-people/" + ids[0] + "/consents")
                .then().statusCode(422).body("rule", equalTo("self-consent-needs-13-or-over"));
        given().contentType(ContentType.JSON).body(body.replace("2025-01-01", "2025-06-01"))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(201);
    }

    @Test
    void consentExpiryMustComeAfterItWasGiven() {
        String[] ids = Fixtures.register("Ash");
        String body = Fixtures.groupConsent(ids[1])
                .replace("}", ",\"expiresAt\":\"" + Fixtures.GIVEN_AT.minusDays(1) + "\"}");
        given().contentType(ContentType.JSON).body(body).post("/young-people/" + ids[0] + "/consents")
                .then().statusCode(422).body("rule", equalTo("consent-expires-after-it-is-given"));
    }

    @Test
    void consentDatesMustBePlausible() {
        String[] ids = Fixtures.register("Harper"); // born 2012-03-04
        String path = "/young-people/" + ids[0] + "/consents";
        given().contentType(ContentType.JSON)
                .body(Fixtures.groupConsent(ids[1]).replace(Fixtures.GIVEN_AT.toString(), "2010-01-01T10:00:00Z"))
                .post(path).then().statusCode(422).body("rule", equalTo("consent-given-after-birth"));
        given().contentType(ContentType.JSON)
                .body(Fixtures.groupConsent(ids[1]).replace("}", ",\"expiresAt\":\"+300000-01-01T00:00:00Z\"}"))
                .post(path).then().statusCode(422).body("rule", equalTo("consent-lasts-at-most-5-years"));
        given().contentType(ContentType.JSON)
                .body(Fixtures.groupConsent(ids[1]).replace(Fixtures.GIVEN_AT.toString(), "+999999999-12-31T23:59:59Z"))
                .post(path).then().statusCode(anyOf(equalTo(400), equalTo(422)));
        given().contentType(ContentType.JSON)
                .body(Fixtures.groupConsent(ids[1]).replace(Fixtures.GIVEN_AT.toString(), "yesterday"))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("givenAt"));
    }

    @Test
    void unknownScopeOrPlatformIs400NamingTheField() {
        String[] ids = Fixtures.register("Bailey");
        given().contentType(ContentType.JSON).body(Fixtures.groupConsent(ids[1]).replace("GROUP_SESSIONS", "PICNICS"))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(400)
                .body("errors[0].field", equalTo("scope"));
        given().contentType(ContentType.JSON).body(Fixtures.groupConsent(ids[1]).replace("[\"ZOOM\"]", "[\"FAX\"]"))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(400)
                .body("errors[0].field", equalTo("platforms[0]"));
        given().contentType(ContentType.JSON).body(Fixtures.groupConsent(ids[1]).replace("[\"ZOOM\"]", "[]"))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(400)
                .body("errors.field", hasItem("platforms"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotRecordConsent() {
        given().contentType(ContentType.JSON).body(Fixtures.groupConsent(Fixtures.unknownId()))
                .post("/young-people/" + Fixtures.unknownId() + "/consents").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managerMayRegisterAndRecordConsent() {
        String[] ids = Fixtures.register("Emery");
        given().contentType(ContentType.JSON).body(Fixtures.groupConsent(ids[1]))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(201);
    }
}
