package org.safesessions.zoomsim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.safesessions.zoomsim.ZoomClient.safeguardedMeeting;
import static org.safesessions.zoomsim.ZoomClient.zoom;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FaultInjectionTest {

    private static final String CREATE_MEETING = "/v2/users/[^/]+/meetings";

    @BeforeEach
    void startWithoutFaults() {
        ZoomClient.resetSimulator();
    }

    @Test
    void rateLimitOnceWithRetryAfterThenTheRetrySucceeds() {
        plan("{\"method\":\"POST\",\"path\":\"" + CREATE_MEETING + "\",\"status\":429,\"retryAfterSeconds\":2}");

        zoom().body(safeguardedMeeting("Art club"))
                .when().post("/v2/users/me/meetings")
                .then().statusCode(429)
                .header("Retry-After", "2")
                .body("code", equalTo(429));
        zoom().body(safeguardedMeeting("Art club"))
                .when().post("/v2/users/me/meetings")
                .then().statusCode(201);

        // What a test of a retrying client asserts: two attempts, one meeting.
        given().queryParam("method", "POST").queryParam("path", CREATE_MEETING)
                .when().get("/_sim/requests")
                .then().statusCode(200)
                .body("status", contains(429, 201))
                .body("json.topic", contains("Art club", "Art club"));
        given().when().get("/_sim/meetings").then().body("size()", equalTo(1));
    }

    @Test
    void serviceUnavailableForAsManyTimesAsAsked() {
        plan("{\"path\":\"/v2/meetings/.*\",\"status\":503,\"times\":2}");

        zoom().when().get("/v2/meetings/81234567890").then().statusCode(503).body("code", equalTo(503));
        zoom().when().get("/v2/meetings/81234567890").then().statusCode(503);
        zoom().when().get("/v2/meetings/81234567890").then().statusCode(404);
    }

    @Test
    void faultOnlyHitsTheMethodItNames() {
        plan("{\"method\":\"DELETE\",\"path\":\"/v2/meetings/.*\",\"status\":500}");

        zoom().when().get("/v2/meetings/81234567890").then().statusCode(404);
        zoom().when().delete("/v2/meetings/81234567890").then().statusCode(500);
    }

    @Test
    void delayMakesTheAnswerSlowButCorrect() {
        plan("{\"path\":\"/v2/users/.*/settings\",\"delayMs\":700}");

        zoom().when().get("/v2/users/me/settings")
                .then().statusCode(200)
                .time(greaterThanOrEqualTo(700L), TimeUnit.MILLISECONDS);
        zoom().when().get("/v2/users/me/settings")
                .then().statusCode(200)
                .time(lessThan(700L), TimeUnit.MILLISECONDS);
    }

    @Test
    void tokenEndpointCanFailToo() {
        plan("{\"path\":\"/oauth/token\",\"status\":500}");

        given().auth().preemptive().basic(ZoomClient.CLIENT_ID, ZoomClient.CLIENT_SECRET)
                .queryParam("grant_type", "account_credentials")
                .queryParam("account_id", ZoomClient.ACCOUNT_ID)
                .when().post("/oauth/token")
                .then().statusCode(500);
        ZoomClient.token();
    }

    @Test
    void faultsCanBeListedAndCleared() {
        plan("{\"status\":503,\"times\":-1}");
        given().when().get("/_sim/faults").then().statusCode(200).body("$", hasSize(1)).body("[0].remaining", equalTo(-1));

        given().when().delete("/_sim/faults").then().statusCode(204);

        given().when().get("/_sim/faults").then().body("$", hasSize(0));
        zoom().when().get("/v2/users/me/settings").then().statusCode(200);
    }

    @Test
    void faultThatWouldDoNothingIsRefused() {
        given().contentType(ContentType.JSON).body("{\"path\":\"/v2/.*\"}")
                .when().post("/_sim/faults")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"path\":\"(\",\"status\":500}")
                .when().post("/_sim/faults")
                .then().statusCode(400);
    }

    private static void plan(String fault) {
        given().contentType(ContentType.JSON).body(fault)
                .when().post("/_sim/faults")
                .then().statusCode(201);
    }
}
