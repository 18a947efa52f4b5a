package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.YoungPerson;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Each test uses an organisation of its own where it changes settings: they are per organisation. */
@QuarkusTest
class OrganisationSettingsTest extends ConsentTestStack {

    static final String SETTINGS = """
            {"selfConsentAllowed":%s,"defaultConsentValidity":"%s","reminderLeadDays":%d,
             "retentionPeriod":"%s","agreementRequiredForGroupSessions":%s}""";

    static String settings(boolean selfConsent, String validity, int leadDays, String retention, boolean agreement) {
        return SETTINGS.formatted(selfConsent, validity, leadDays, retention, agreement);
    }

    @Test
    @TestSecurity(user = "worker-d", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-defaults"))
    void anOrganisationStartsWithTheDefaultsOfSpecAndSeeds() {
        given().get("/settings").then().statusCode(200)
                .body("organisation", equalTo("org-defaults"))
                .body("selfConsentAllowed", equalTo(true))
                .body("selfConsentMinimumAge", equalTo(13))
                .body("defaultConsentValidity", equalTo("P12M"))
                .body("reminderLeadDays", equalTo(14))
                .body("retentionPeriod", equalTo("P3Y"))
                .body("agreementRequiredForGroupSessions", equalTo(false))
                .body("currentCodeOfConductVersion", equalTo("2026.1"))
                .body("updatedBy", nullValue());
    }

    @Test
    @TestSecurity(user = "coord-d", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-defaults"))
    void staffReadTheCodeOfConductYoungPeopleAgreeTo() {
        given().get("/code-of-conduct").then().statusCode(200)
                .body("version", equalTo("2026.1"))
                .body("commitments", hasItem(org.hamcrest.Matchers.containsString("Live is live")))
                .body("commitments", hasSize(10));
    }

    @Test
    @TestSecurity(user = "manager-s", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-settings"))
    void managerSetsTheOrganisationsConsentPolicy() {
        given().contentType(ContentType.JSON).body(settings(false, "P6M", 30, "P2Y", true))
                .put("/settings").then().statusCode(200)
                .body("defaultConsentValidity", equalTo("P6M"))
                .body("updatedBy", equalTo("manager-s"));
        given().get("/settings").then().statusCode(200)
                .body("selfConsentAllowed", equalTo(false))
                .body("reminderLeadDays", equalTo(30))
                .body("retentionPeriod", equalTo("P2Y"))
                .body("agreementRequiredForGroupSessions", equalTo(true));
    }

    @Test
    @TestSecurity(user = "manager-v", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-validity"))
    void consentLastsTheOrganisationsDefaultValidityWhenTheFormGivesNoExpiry() {
        given().contentType(ContentType.JSON).body(settings(true, "P6M", 14, "P3Y", false))
                .put("/settings").then().statusCode(200);
        String[] ids = Fixtures.register("Six Months");
        given().contentType(ContentType.JSON).body(Fixtures.groupConsent(ids[1]))
                .post("/young-people/" + ids[0] + "/consents").then().statusCode(201)
                .body("expiresAt", equalTo(Fixtures.GIVEN_AT.plusMonths(6).toString()));
    }

    @Test
    @TestSecurity(user = "manager-g", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-guardians-only"))
    void selfConsentIsRefusedWhereTheOrganisationDoesNotAllowIt() {
        given().contentType(ContentType.JSON).body(settings(false, "P12M", 14, "P3Y", false))
                .put("/settings").then().statusCode(200);
        YoungPerson yp = TestData.youngPerson("org-guardians-only", "Fourteen Year Old"); // 14 today
        String body = """
                {"scope":"GROUP_SESSIONS","platforms":["ZOOM"],"givenBy":"YOUNG_PERSON",
                 "evidenceReference":"FORM-9","evidenceMethod":"ONLINE_FORM","givenAt":"%s"}"""
                .formatted(Fixtures.GIVEN_AT);
        given().contentType(ContentType.JSON).body(body).post("/young-people/" + yp.id + "/consents")
                .then().statusCode(422).body("rule", equalTo("self-consent-allowed-by-organisation"));
        given().contentType(ContentType.JSON).body(settings(true, "P12M", 14, "P3Y", false))
                .put("/settings").then().statusCode(200);
        given().contentType(ContentType.JSON).body(body).post("/young-people/" + yp.id + "/consents")
                .then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-bad-settings"))
    void badSettingsAre400NamingTheField() {
        given().contentType(ContentType.JSON).body(settings(true, "P6Y", 14, "P3Y", false))
                .put("/settings").then().statusCode(400).body("errors.field", hasItem("defaultConsentValidityInRange"));
        given().contentType(ContentType.JSON).body(settings(true, "P12M", 0, "P3Y", false))
                .put("/settings").then().statusCode(400).body("errors.field", hasItem("reminderLeadDays"));
        given().contentType(ContentType.JSON).body(settings(true, "P12M", 91, "P3Y", false))
                .put("/settings").then().statusCode(400).body("errors.field", hasItem("reminderLeadDays"));
        given().contentType(ContentType.JSON).body(settings(true, "P12M", 14, "P1M", false))
                .put("/settings").then().statusCode(400).body("errors.field", hasItem("retentionPeriodInRange"));
        given().contentType(ContentType.JSON).body(settings(true, "twelve months", 14, "P3Y", false))
                .put("/settings").then().statusCode(400).body("errors[0].field", equalTo("defaultConsentValidity"));
        given().contentType(ContentType.JSON).body(settings(true, "P999999999Y", 14, "P3Y", false))
                .put("/settings").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"selfConsentAllowed\":true}")
                .put("/settings").then().statusCode(400).body("errors.field", hasItem("retentionPeriod"));
        given().get("/settings").then().statusCode(200).body("updatedBy", nullValue()); // nothing was stored
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotChangeSettings() {
        given().contentType(ContentType.JSON).body(settings(false, "P12M", 14, "P3Y", false))
                .put("/settings").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void safeguardingLeadCannotChangeSettings() {
        given().contentType(ContentType.JSON).body(settings(false, "P12M", 14, "P3Y", false))
                .put("/settings").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotChangeSettings() {
        given().contentType(ContentType.JSON).body(settings(false, "P12M", 14, "P3Y", false))
                .put("/settings").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotReadOrChangeSettings() {
        given().get("/settings").then().statusCode(403);
        given().contentType(ContentType.JSON).body(settings(false, "P12M", 14, "P3Y", false))
                .put("/settings").then().statusCode(403);
        given().get("/code-of-conduct").then().statusCode(403);
    }
}
