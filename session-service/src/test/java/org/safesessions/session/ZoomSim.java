package org.safesessions.session;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The simulator's test controls (/_sim), as the Zoom tests use them. */
final class ZoomSim {

    private ZoomSim() {
    }

    /** Every meeting (deleted ones included) created for a session: its agenda names the session. */
    static List<Map<String, Object>> meetingsOf(String sessionId) {
        List<Map<String, Object>> all = given().baseUri(ZoomSimulatorResource.baseUrl()).get("/_sim/meetings")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(m -> String.valueOf(m.get("agenda")).contains(sessionId)).toList();
    }

    static JsonPath settings() {
        return given().baseUri(ZoomSimulatorResource.baseUrl()).get("/_sim/settings").then().extract().jsonPath();
    }

    static void fault(String json) {
        given().baseUri(ZoomSimulatorResource.baseUrl()).contentType(ContentType.JSON).body(json).post("/_sim/faults")
                .then().statusCode(201);
    }

    static void clearFaults() {
        given().baseUri(ZoomSimulatorResource.baseUrl()).delete("/_sim/faults").then().statusCode(204);
    }

    /** Requests the simulator refused against Zoom's contract (code 300). */
    static List<Map<String, Object>> contractViolations() {
        List<Map<String, Object>> all = given().baseUri(ZoomSimulatorResource.baseUrl()).get("/_sim/requests")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(r -> Integer.valueOf(400).equals(r.get("status"))
                || Integer.valueOf(404).equals(r.get("status")) && !String.valueOf(r.get("path")).contains("registrants")
                || Integer.valueOf(405).equals(r.get("status"))).toList();
    }
}
