package org.safesessions.zoomsim;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** How the tests talk to the simulator as session-service would: token first, then the API. */
final class ZoomClient {

    static final String ACCOUNT_ID = "local-account";
    static final String CLIENT_ID = "local-client";
    static final String CLIENT_SECRET = "local-secret";

    private ZoomClient() {
    }

    static String token() {
        return given()
                .auth().preemptive().basic(CLIENT_ID, CLIENT_SECRET)
                .queryParam("grant_type", "account_credentials")
                .queryParam("account_id", ACCOUNT_ID)
                .when().post("/oauth/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A request to the Meeting API with a fresh bearer token and a JSON body type. */
    static RequestSpecification zoom() {
        return given()
                .header("Authorization", "Bearer " + token())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static void resetSimulator() {
        given().when().post("/_sim/reset").then().statusCode(204);
    }

    /** A meeting as session-service provisions one: registration required, safe settings. */
    static String safeguardedMeeting(String topic) {
        return """
                {"topic":"%s","type":2,"start_time":"2030-06-03T16:00:00Z","duration":60,
                 "timezone":"Europe/London","password":"Yp-2030*a",
                 "settings":{"waiting_room":true,"join_before_host":false,"auto_recording":"none",
                             "mute_upon_entry":true,"approval_type":0}}
                """.formatted(topic);
    }

    static long createMeeting(String userId, String body) {
        return ((Number) zoom().body(body)
                .when().post("/v2/users/{userId}/meetings", userId)
                .then().statusCode(201)
                .extract().path("id")).longValue();
    }
}
