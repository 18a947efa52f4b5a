package org.safesessions.zoomsim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.safesessions.zoomsim.ZoomClient.zoom;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserSettingsApiTest {

    @BeforeEach
    void startFromAnEmptyAccount() {
        ZoomClient.resetSimulator();
    }

    @Test
    void newHostHasZoomDefaultsWhereEveryoneMayShareAndSendFiles() {
        zoom().when().get("/v2/users/{userId}/settings", "facilitator@charity.example")
                .then().statusCode(200)
                .body("in_meeting.screen_sharing", equalTo(true))
                .body("in_meeting.who_can_share_screen", equalTo("all"))
                .body("in_meeting.file_transfer", equalTo(true))
                .body("$", not(hasKey("meeting_security")));
    }

    @Test
    void hostOnlyScreenShareAndNoFileTransferAreKeptAlongsideOtherSettings() {
        zoom().body("{\"in_meeting\":{\"who_can_share_screen\":\"host\",\"file_transfer\":false}}")
                .when().patch("/v2/users/{userId}/settings", "facilitator@charity.example")
                .then().statusCode(204);

        zoom().when().get("/v2/users/{userId}/settings", "facilitator@charity.example")
                .then().statusCode(200)
                .body("in_meeting.who_can_share_screen", equalTo("host"))
                .body("in_meeting.file_transfer", equalTo(false))
                .body("in_meeting.chat", equalTo(true))
                .body("schedule_meeting.join_before_host", equalTo(false));
        // Other hosts are untouched.
        zoom().when().get("/v2/users/{userId}/settings", "someone-else")
                .then().body("in_meeting.who_can_share_screen", equalTo("all"));
    }

    @Test
    void valueOutsideTheEnumIsRefusedNamingTheField() {
        zoom().body("{\"in_meeting\":{\"who_can_share_screen\":\"everyone\"}}")
                .when().patch("/v2/users/me/settings")
                .then().statusCode(400)
                .body("code", equalTo(300))
                .body("errors.field", hasItem("in_meeting.who_can_share_screen"));
    }

    @Test
    void meetingSecurityOptionReadsAndWritesThatSectionOnly() {
        zoom().queryParam("option", "meeting_security")
                .body("{\"meeting_security\":{\"waiting_room\":true}}")
                .when().patch("/v2/users/me/settings")
                .then().statusCode(204);
        zoom().queryParam("option", "meeting_security")
                .when().get("/v2/users/me/settings")
                .then().statusCode(200)
                .body("meeting_security.waiting_room", equalTo(true))
                .body("$", not(hasKey("in_meeting")));
    }

    @Test
    void lockedSettingsAreNotChangedByAPatchAndReadBackAsLocked() {
        given().contentType("application/json").body("{\"in_meeting\":{\"private_chat\":true}}")
                .when().put("/_sim/settings/{userId}/locked", "drifting-host").then().statusCode(204);
        zoom().body("{\"in_meeting\":{\"private_chat\":false,\"file_transfer\":false}}")
                .when().patch("/v2/users/{userId}/settings", "drifting-host").then().statusCode(204);
        zoom().when().get("/v2/users/{userId}/settings", "drifting-host").then().statusCode(200)
                .body("in_meeting.private_chat", equalTo(true))
                .body("in_meeting.file_transfer", equalTo(false));
        given().contentType("application/json").body("{}")
                .when().put("/_sim/settings/{userId}/locked", "drifting-host").then().statusCode(400);
    }
}
