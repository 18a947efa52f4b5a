package org.safesessions.zoomsim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;
import static org.safesessions.zoomsim.ZoomClient.createMeeting;
import static org.safesessions.zoomsim.ZoomClient.safeguardedMeeting;
import static org.safesessions.zoomsim.ZoomClient.zoom;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeetingApiTest {

    @BeforeEach
    void startFromAnEmptyAccount() {
        ZoomClient.resetSimulator();
    }

    @Test
    void createdMeetingHasNumericIdLinksPasscodeAndTheSettingsAsked() {
        zoom().body(safeguardedMeeting("Art club"))
                .when().post("/v2/users/{userId}/meetings", "host@charity.example")
                .then().statusCode(201)
                .body("id", greaterThan(9_999_999_999L))
                .body("topic", equalTo("Art club"))
                .body("type", equalTo(2))
                .body("start_time", equalTo("2030-06-03T16:00:00Z"))
                .body("host_email", equalTo("host@charity.example"))
                .body("password", equalTo("Yp-2030*a"))
                .body("join_url", startsWith("https://zoom.us/j/"))
                .body("start_url", startsWith("https://zoom.us/s/"))
                .body("registration_url", not(emptyOrNullString()))
                .body("settings.waiting_room", equalTo(true))
                .body("settings.join_before_host", equalTo(false))
                .body("settings.auto_recording", equalTo("none"))
                .body("settings.mute_upon_entry", equalTo(true))
                .body("settings.approval_type", equalTo(0))
                // Defaults Zoom fills in for what the client did not say:
                .body("settings.host_video", equalTo(false))
                .body("settings.registration_type", equalTo(1));
    }

    @Test
    void passcodeIsGeneratedWhenNoneIsGiven() {
        zoom().body("{\"topic\":\"Drop-in\",\"type\":2,\"start_time\":\"2030-06-03T16:00:00Z\"}")
                .when().post("/v2/users/me/meetings")
                .then().statusCode(201)
                .body("password", not(emptyOrNullString()))
                .body("join_url", containsString("?pwd="));
    }

    @Test
    void readMeetingHasUuidHostAndWaitingStatus() {
        long id = createMeeting("host-a", safeguardedMeeting("Homework help"));
        zoom().when().get("/v2/meetings/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("uuid", not(emptyOrNullString()))
                .body("host_id", equalTo("host-a"))
                .body("status", equalTo("waiting"))
                .body("settings.waiting_room", equalTo(true));
    }

    @Test
    void rescheduleChangesOnlyWhatWasSent() {
        long id = createMeeting("host-a", safeguardedMeeting("Homework help"));
        zoom().body("{\"start_time\":\"2030-06-10T17:30:00Z\",\"settings\":{\"host_video\":true}}")
                .when().patch("/v2/meetings/{id}", id)
                .then().statusCode(204);

        zoom().when().get("/v2/meetings/{id}", id)
                .then().statusCode(200)
                .body("start_time", equalTo("2030-06-10T17:30:00Z"))
                .body("topic", equalTo("Homework help"))
                .body("settings.host_video", equalTo(true))
                .body("settings.waiting_room", equalTo(true));
    }

    @Test
    void deletedMeetingIsGoneUntilRecovered() {
        long id = createMeeting("host-a", safeguardedMeeting("Cancelled session"));
        zoom().when().delete("/v2/meetings/{id}", id).then().statusCode(204);
        zoom().when().get("/v2/meetings/{id}", id)
                .then().statusCode(404)
                .body("code", equalTo(3001))
                .body("message", containsString("Meeting does not exist"));

        zoom().body("{\"action\":\"recover\"}")
                .when().put("/v2/meetings/{id}/status", id)
                .then().statusCode(204);
        zoom().when().get("/v2/meetings/{id}", id).then().statusCode(200);
    }

    @Test
    void unknownMeetingAnswers404WithZoomCode3001() {
        zoom().when().get("/v2/meetings/{id}", 12345678901L)
                .then().statusCode(404)
                .body("code", equalTo(3001))
                .body("message", equalTo("Meeting does not exist: 12345678901."));
        zoom().when().delete("/v2/meetings/{id}", 12345678901L)
                .then().statusCode(404)
                .body("code", equalTo(3001));
    }

    @Test
    void wrongTypeForMeetingTypeIsRefusedNamingTheField() {
        zoom().body("{\"topic\":\"Art club\",\"type\":\"scheduled\"}")
                .when().post("/v2/users/me/meetings")
                .then().statusCode(400)
                .body("code", equalTo(300))
                .body("message", containsString("type: "))
                .body("errors.field", hasItem("type"));
        assertNoMeetingWasCreated();
    }

    @Test
    void unknownAutoRecordingValueIsRefusedNamingTheField() {
        zoom().body("{\"topic\":\"Art club\",\"type\":2,\"settings\":{\"auto_recording\":\"everything\"}}")
                .when().post("/v2/users/me/meetings")
                .then().statusCode(400)
                .body("code", equalTo(300))
                .body("message", containsString("settings.auto_recording"))
                .body("errors.field", hasItem("settings.auto_recording"));
        assertNoMeetingWasCreated();
    }

    @Test
    void misspeltSettingIsRefusedRatherThanIgnored() {
        zoom().body("{\"topic\":\"Art club\",\"settings\":{\"waitingroom\":true}}")
                .when().post("/v2/users/me/meetings")
                .then().statusCode(400)
                .body("errors.field", hasItem("settings.waitingroom"));
    }

    @Test
    void passcodeLongerThanTenCharactersIsRefused() {
        zoom().body("{\"topic\":\"Art club\",\"password\":\"elevenchars\"}")
                .when().post("/v2/users/me/meetings")
                .then().statusCode(400)
                .body("errors.field", hasItem("password"));
    }

    @Test
    void passcodeWithCharactersZoomDoesNotAllowIsRefused() {
        zoom().body("{\"topic\":\"Art club\",\"password\":\"pass word\"}")
                .when().post("/v2/users/me/meetings")
                .then().statusCode(400)
                .body("code", equalTo(300))
                .body("message", containsString("password"));
    }

    @Test
    void malformedJsonIsRefusedWith400() {
        zoom().body("{\"topic\":")
                .when().post("/v2/users/me/meetings")
                .then().statusCode(400)
                .body("code", equalTo(300));
    }

    @Test
    void nonNumericMeetingIdIsRefusedNamingTheParameter() {
        zoom().when().get("/v2/meetings/not-a-number")
                .then().statusCode(400)
                .body("code", equalTo(300))
                .body("errors.field", hasItem("meetingId"));
    }

    @Test
    void pathsOutsideTheContractAreRefusedInZoomsShape() {
        zoom().when().get("/v2/webinars/123")
                .then().statusCode(404)
                .body("code", equalTo(300));
        zoom().body("{}").when().put("/v2/meetings/{id}", 81234567890L)
                .then().statusCode(405)
                .body("code", equalTo(300));
    }

    @Test
    void hundredAndFirstMeetingOfTheDayForOneHostIsRateLimited() {
        String body = "{\"topic\":\"Busy day\",\"type\":2}";
        String token = ZoomClient.token();
        for (int i = 0; i < 100; i++) {
            RateLimitTest.paced(() -> given().header("Authorization", "Bearer " + token).contentType("application/json")
                            .body(body).when().post("/v2/users/busy-host/meetings"))
                    .then().statusCode(201);
        }
        given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .when().post("/v2/users/busy-host/meetings")
                .then().statusCode(429)
                .body("code", equalTo(429));
        // Another host has its own allowance.
        given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .when().post("/v2/users/other-host/meetings")
                .then().statusCode(201);
    }

    private static void assertNoMeetingWasCreated() {
        given().when().get("/_sim/meetings").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void hostsMeetingsAreListedWithTheirAgendaAndPaged() {
        for (String agenda : new String[]{"session A", "session B", "session C"}) {
            zoom().body("{\"topic\":\"Club\",\"type\":2,\"start_time\":\"2030-06-03T16:00:00Z\",\"agenda\":\"" + agenda + "\"}")
                    .when().post("/v2/users/me/meetings").then().statusCode(201);
        }
        zoom().body("{\"topic\":\"Other host\",\"type\":2,\"start_time\":\"2030-06-03T16:00:00Z\"}")
                .when().post("/v2/users/someone-else/meetings").then().statusCode(201);
        zoom().when().get("/v2/users/me/meetings?type=scheduled&page_size=2").then().statusCode(200)
                .body("total_records", equalTo(3))
                .body("meetings.agenda", equalTo(java.util.List.of("session A", "session B")))
                .body("next_page_token", equalTo("2"));
        zoom().when().get("/v2/users/me/meetings?page_size=2&next_page_token=2").then().statusCode(200)
                .body("meetings.agenda", equalTo(java.util.List.of("session C")))
                .body("next_page_token", equalTo(""));
        zoom().when().get("/v2/users/me/meetings?type=everything").then().statusCode(400);
    }

    @Test
    void scheduleForMovesAMeetingToAnotherHostAndCountsForThatHostsDay() {
        long id = createMeeting("host-one", safeguardedMeeting("Art club"));
        zoom().body("{\"schedule_for\":\"host-two\",\"duration\":45}").when().patch("/v2/meetings/{id}", id)
                .then().statusCode(204);
        zoom().when().get("/v2/meetings/{id}", id).then().statusCode(200)
                .body("host_id", equalTo("host-two")).body("duration", equalTo(45));
        zoom().when().get("/v2/users/host-two/meetings").then().body("total_records", equalTo(1));
        zoom().when().get("/v2/users/host-one/meetings").then().body("total_records", equalTo(0));
        given().when().get("/_sim/rate-limits").then()
                .body("hostsToday.host-one", equalTo(1)).body("hostsToday.host-two", equalTo(1));
    }
}
