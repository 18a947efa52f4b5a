package org.safesessions.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Staff are people, not strings, against the real Keycloak: session-service resolves facilitators through its
 * staff directory (the Admin REST API, as its own service account), so spellings of one worker are one person,
 * another organisation's worker or a DSL is refused, and a worker booked in capitals sees the session they lead.
 */
class StaffIdentityIT {

    @BeforeAll
    static void teamsApproved() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        RestAssured.given().auth().oauth2(Suite.tokenOf("manager-a")).contentType(ContentType.JSON)
                .body("{\"assessedBy\":\"Online safety lead\",\"assessedOn\":\"" + today.minusDays(7)
                        + "\",\"reviewDue\":\"" + today.plusYears(1) + "\"}")
                .put(Suite.SESSION + "/policy/platforms/TEAMS").then().statusCode(200);
    }

    private static ValidatableResponse book(String... facilitators) {
        String names = String.join(",", List.of(facilitators).stream().map(f -> "\"" + f + "\"").toList());
        return RestAssured.given().auth().oauth2(Suite.tokenOf("coord-a")).contentType(ContentType.JSON).body("""
                        {"title":"Homework club","startsAt":"%s","durationMinutes":60,"platform":"TEAMS",
                         "facilitators":[%s],"invitees":[]}""".formatted(SessionJourneyIT.nextWorkingMorning(), names))
                .post(Suite.SESSION + "/sessions").then();
    }

    @Test
    void aWorkerBookedInCapitalsIsShownCanonicallyAndSeesTheirSession() {
        String id = book("WORKER-A", "worker2-a").statusCode(201)
                .body("facilitators", equalTo(List.of("worker-a", "worker2-a"))).extract().path("id");
        RestAssured.given().auth().oauth2(Suite.tokenOf("worker-a")).get(Suite.SESSION + "/sessions/" + id)
                .then().statusCode(200).body("facilitators", hasItem("worker-a"));
        RestAssured.given().auth().oauth2(Suite.tokenOf("worker-a")).get(Suite.SESSION + "/sessions?size=200")
                .then().statusCode(200).body("items.id", hasItem(id));
        RestAssured.given().auth().oauth2(Suite.tokenOf("worker-b")).get(Suite.SESSION + "/sessions/" + id)
                .then().statusCode(404);
        RestAssured.given().auth().oauth2(Suite.tokenOf("coord-a"))
                .get(Suite.SESSION + "/sessions?facilitator=WORKER-A&size=200").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void anotherOrganisationsWorkerIsNotAFacilitator() {
        book("worker-a", "worker-b").statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("facilitator-must-be-staff-of-organisation"));
    }

    @Test
    void aMadeUpNameOrADslIsNotAFacilitator() {
        book("worker-a", "worker-zz").statusCode(422).body("rule", equalTo("facilitator-must-be-staff-of-organisation"));
        book("worker-a", "dsl-a").statusCode(422).body("rule", equalTo("facilitator-must-be-staff-of-organisation"));
    }

    @Test
    void twoSpellingsOfOneWorkerAreOneFacilitator() {
        book("worker-a", "WORKER-A").statusCode(422).body("rule", equalTo("group-session-needs-two-facilitators"));
    }
}
