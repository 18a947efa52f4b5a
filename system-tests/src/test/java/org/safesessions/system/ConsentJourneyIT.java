package org.safesessions.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A consent's life through the running consent-service with real Keycloak tokens: a coordinator registers a young
 * person, records the guardian's consent, the consent check allows a Zoom group session; the consent is withdrawn,
 * and the check then refuses, saying why.
 */
class ConsentJourneyIT {

    @Test
    void registerConsentCheckWithdrawAndCheckAgain() {
        String coordinator = Suite.tokenOf("coord-a");
        var registered = io.restassured.RestAssured.given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("""
                        {"preferredName":"Journey Jo","dateOfBirth":"2012-09-01","localAuthorityCode":"E09000024",
                         "guardians":[{"name":"Robin Guardian","relationship":"carer","email":"journey@example.org",
                                       "preferredChannel":"EMAIL"}]}""")
                .post(Suite.CONSENT + "/young-people")
                .then().statusCode(201).extract().jsonPath();
        String youngPersonId = registered.getString("id");
        String guardianId = registered.getString("guardians[0].id");

        String consentId = io.restassured.RestAssured.given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("""
                        {"scope":"GROUP_SESSIONS","platforms":["ZOOM"],"givenBy":"GUARDIAN","guardianId":"%s",
                         "evidenceReference":"FORM-JOURNEY","evidenceMethod":"ONLINE_FORM","givenAt":"%s"}"""
                        .formatted(guardianId, Suite.yesterday()))
                .post(Suite.CONSENT + "/young-people/" + youngPersonId + "/consents")
                .then().statusCode(201).extract().path("id");
        // whatever org-a's policy on agreements is today, the young person has agreed
        io.restassured.RestAssured.given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"agreementVersion\":\"2026.1\"}")
                .post(Suite.CONSENT + "/young-people/" + youngPersonId + "/agreements").then().statusCode(201);

        io.restassured.RestAssured.given().auth().oauth2(coordinator)
                .queryParam("youngPersonId", youngPersonId).queryParam("scope", "GROUP_SESSIONS")
                .queryParam("platform", "ZOOM")
                .get(Suite.CONSENT + "/consent-checks")
                .then().statusCode(200)
                .body("allowed", equalTo(true)).body("reasons", empty()).body("consentId", equalTo(consentId));

        io.restassured.RestAssured.given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"reason\":\"Guardian phoned to withdraw\"}")
                .post(Suite.CONSENT + "/consents/" + consentId + "/withdrawal")
                .then().statusCode(201).body("status", equalTo("WITHDRAWN"))
                .body("withdrawal.withdrawnBy", equalTo("coord-a"));

        io.restassured.RestAssured.given().auth().oauth2(coordinator)
                .queryParam("youngPersonId", youngPersonId).queryParam("scope", "GROUP_SESSIONS")
                .queryParam("platform", "ZOOM")
                .get(Suite.CONSENT + "/consent-checks")
                .then().statusCode(200)
                .body("allowed", equalTo(false)).body("reasons", contains("WITHDRAWN"));

        // a youth worker sees the status and the history, not the reason
        Suite.as("worker-a").get(Suite.CONSENT + "/young-people/" + youngPersonId + "/consent-history")
                .then().statusCode(200).body("fact", contains("GRANTED", "WITHDRAWN"));
        io.restassured.RestAssured.given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"reason\":\"again\"}")
                .post(Suite.CONSENT + "/consents/" + consentId + "/withdrawal")
                .then().statusCode(409).body("rule", equalTo("consent-withdrawn-once"));
        // another organisation's coordinator cannot even see it exists
        Suite.as("coord-b").queryParam("youngPersonId", youngPersonId).queryParam("scope", "GROUP_SESSIONS")
                .queryParam("platform", "ZOOM").get(Suite.CONSENT + "/consent-checks").then().statusCode(404);
    }
}
