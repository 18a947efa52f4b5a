package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.YoungPerson;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;

import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class SubjectAccessTest extends ConsentTestStack {

    @Test
    void subjectAccessExportHoldsEverythingAboutTheYoungPersonAsOneDocument() {
        YoungPerson yp = TestData.youngPerson("org-a", "Subject Sasha");
        UUID consentId = TestData.consent(yp, ConsentScope.GROUP_SESSIONS, Set.of(Platform.ZOOM), Fixtures.GIVEN_AT, null);
        given().contentType(ContentType.JSON).body("{\"reason\":\"Guardian asked\"}")
                .post("/consents/" + consentId + "/withdrawal").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"agreementVersion\":\"2026.1\"}")
                .post("/young-people/" + yp.id + "/agreements").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"sasha@example.org\",\"guardians\":[{\"id\":\"" + yp.guardians.get(0).id
                        + "\",\"email\":\"kim@example.org\",\"phone\":\"07700 900456\",\"preferredChannel\":\"SMS\"}]}")
                .put("/young-people/" + yp.id + "/contact-details").then().statusCode(200);

        given().get("/young-people/" + yp.id + "/export").then().statusCode(200)
                .body("exportedBy", equalTo("dsl-a"))
                .body("organisation", equalTo("org-a"))
                .body("youngPerson.preferredName", equalTo("Subject Sasha"))
                .body("youngPerson.email", equalTo("sasha@example.org"))
                .body("youngPerson.guardians[0].name", equalTo("Kim Carer"))
                .body("youngPerson.guardians[0].phone", equalTo("07700 900456"))
                .body("consents[0].id", equalTo(consentId.toString()))
                .body("consents[0].withdrawal.reason", equalTo("Guardian asked"))
                .body("consentHistory.fact", contains("GRANTED", "WITHDRAWN"))
                .body("agreements", hasSize(1))
                .body("accessLog.action", contains("CHANGE", "CHANGE", "CHANGE", "CHANGE", "CHANGE", "EXPORT"))
                .body("accessLog.recordType", contains("YOUNG_PERSON", "CONSENT", "CONSENT", "SAFETY_AGREEMENT",
                        "CONTACT_DETAILS", "YOUNG_PERSON"))
                .body("accessLog[0].detail", equalTo("REGISTERED"))
                .body("accessLog[2].detail", equalTo("CONSENT_WITHDRAWN"))
                .body("accessLog[4].detail",
                        equalTo("CONTACT_DETAILS_CHANGED: email,guardians[0].phone,guardians[0].preferredChannel"))
                .body("accessLog[5].actor.userName", equalTo("dsl-a"))
                .body("accessLog.subjectId", everyItem(equalTo(yp.id.toString())));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managerMayExport() {
        YoungPerson yp = TestData.youngPerson("org-a", "Manager Export");
        given().get("/young-people/" + yp.id + "/export").then().statusCode(200)
                .body("youngPerson.id", equalTo(yp.id.toString()));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorCannotExport() {
        given().get("/young-people/" + TestData.youngPerson("org-a", "No Coord Export").id + "/export")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotExport() {
        given().get("/young-people/" + Fixtures.unknownId() + "/export").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotExport() {
        given().get("/young-people/" + Fixtures.unknownId() + "/export").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "dsl-b", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsYoungPersonIs404() {
        given().get("/young-people/" + TestData.youngPerson("org-a", "Not For B").id + "/export").then().statusCode(404);
        given().get("/young-people/" + Fixtures.unknownId() + "/export").then().statusCode(404);
        given().get("/young-people/not-a-uuid/export").then().statusCode(400);
    }
}
