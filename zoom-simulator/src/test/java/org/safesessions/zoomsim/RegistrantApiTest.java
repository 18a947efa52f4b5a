package org.safesessions.zoomsim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.safesessions.zoomsim.ZoomClient.createMeeting;
import static org.safesessions.zoomsim.ZoomClient.safeguardedMeeting;
import static org.safesessions.zoomsim.ZoomClient.zoom;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrantApiTest {

    private long meetingId;

    @BeforeEach
    void meetingWithRegistrationRequired() {
        ZoomClient.resetSimulator();
        meetingId = createMeeting("coord-a", safeguardedMeeting("Young carers group"));
    }

    @Test
    void eachInvitedYoungPersonGetsTheirOwnApprovedJoinLink() {
        String first = addRegistrant("sam@example.org", "Sam");
        String second = addRegistrant("alex@example.org", "Alex");
        assertNotEquals(first, second);

        zoom().when().get("/v2/meetings/{id}/registrants", meetingId)
                .then().statusCode(200)
                .body("total_records", equalTo(2))
                .body("registrants.email", containsInAnyOrder("sam@example.org", "alex@example.org"))
                .body("registrants.status", contains("approved", "approved"))
                .body("registrants.join_url", everyItem(startsWith("https://zoom.us/w/" + meetingId + "?tk=")));
    }

    @Test
    void registrantAnswerCarriesMeetingTopicAndPersonalLink() {
        zoom().body("{\"email\":\"sam@example.org\",\"first_name\":\"Sam\"}")
                .when().post("/v2/meetings/{id}/registrants", meetingId)
                .then().statusCode(201)
                .body("id", equalTo(meetingId))
                .body("topic", equalTo("Young carers group"))
                .body("registrant_id", not(equalTo(null)))
                .body("join_url", startsWith("https://zoom.us/w/"));
    }

    @Test
    void addingTheSameEmailTwiceGivesTheSameRegistrant() {
        String first = addRegistrant("sam@example.org", "Sam");
        String again = addRegistrant("SAM@example.org", "Sam");
        assertEquals(first, again);
        zoom().when().get("/v2/meetings/{id}/registrants", meetingId)
                .then().body("total_records", equalTo(1));
    }

    @Test
    void cancelledRegistrantLeavesTheListButStaysVisibleToTests() {
        String sam = addRegistrant("sam@example.org", "Sam");
        addRegistrant("alex@example.org", "Alex");

        zoom().body("{\"action\":\"cancel\",\"registrants\":[{\"id\":\"" + sam + "\"}]}")
                .when().put("/v2/meetings/{id}/registrants/status", meetingId)
                .then().statusCode(204);

        zoom().when().get("/v2/meetings/{id}/registrants", meetingId)
                .then().statusCode(200)
                .body("registrants.email", contains("alex@example.org"));
        given().when().get("/_sim/meetings")
                .then().statusCode(200)
                .body("find { it.id == " + meetingId + " }.registrants.find { it.registrantId == '" + sam + "' }.status",
                        equalTo("cancelled"));
    }

    @Test
    void deniedRegistrantsAreListedByStatus() {
        addRegistrant("sam@example.org", "Sam");
        zoom().body("{\"action\":\"deny\",\"registrants\":[{\"email\":\"sam@example.org\"}]}")
                .when().put("/v2/meetings/{id}/registrants/status", meetingId)
                .then().statusCode(204);
        zoom().queryParam("status", "denied")
                .when().get("/v2/meetings/{id}/registrants", meetingId)
                .then().body("registrants.email", contains("sam@example.org"));
    }

    @Test
    void cancellingAnUnknownRegistrantAnswers404() {
        zoom().body("{\"action\":\"cancel\",\"registrants\":[{\"id\":\"no-such-registrant\"}]}")
                .when().put("/v2/meetings/{id}/registrants/status", meetingId)
                .then().statusCode(404);
    }

    @Test
    void listIsPagedByNextPageToken() {
        addRegistrant("a@example.org", "A");
        addRegistrant("b@example.org", "B");
        addRegistrant("c@example.org", "C");
        String next = zoom().queryParam("page_size", 2)
                .when().get("/v2/meetings/{id}/registrants", meetingId)
                .then().statusCode(200)
                .body("registrants", hasSize(2))
                .body("page_count", equalTo(2))
                .extract().path("next_page_token");
        zoom().queryParam("page_size", 2).queryParam("next_page_token", next)
                .when().get("/v2/meetings/{id}/registrants", meetingId)
                .then().statusCode(200)
                .body("registrants.email", contains("c@example.org"))
                .body("next_page_token", equalTo(""));
    }

    @Test
    void meetingWithoutRegistrationRefusesRegistrants() {
        long open = createMeeting("coord-a", "{\"topic\":\"Open meeting\",\"type\":2}");
        zoom().body("{\"email\":\"sam@example.org\",\"first_name\":\"Sam\"}")
                .when().post("/v2/meetings/{id}/registrants", open)
                .then().statusCode(404)
                .body("message", containsString("Registration has not been enabled"));
    }

    @Test
    void registrantWithoutFirstNameIsRefusedNamingTheRule() {
        zoom().body("{\"email\":\"sam@example.org\"}")
                .when().post("/v2/meetings/{id}/registrants", meetingId)
                .then().statusCode(400)
                .body("code", equalTo(300))
                .body("message", containsString("first_name"));
    }

    @Test
    void registrantsOfAnUnknownMeetingAnswer3001() {
        zoom().when().get("/v2/meetings/{id}/registrants", 12345678901L)
                .then().statusCode(404)
                .body("code", equalTo(3001));
    }

    private String addRegistrant(String email, String firstName) {
        return zoom().body("{\"email\":\"" + email + "\",\"first_name\":\"" + firstName + "\",\"last_name\":\"Young\"}")
                .when().post("/v2/meetings/{id}/registrants", meetingId)
                .then().statusCode(201)
                .extract().path("registrant_id");
    }
}
