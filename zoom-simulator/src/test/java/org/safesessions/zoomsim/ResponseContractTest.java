package org.safesessions.zoomsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.safesessions.zoomsim.ZoomClient.createMeeting;
import static org.safesessions.zoomsim.ZoomClient.safeguardedMeeting;
import static org.safesessions.zoomsim.ZoomClient.zoom;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.zoomsim.validation.ZoomContract;

/**
 * The simulator's answers must be ones Zoom could give: each success body is checked
 * against the response schema of the trimmed contract, with unknown fields refused.
 */
@QuarkusTest
class ResponseContractTest {

    private static OpenApiInteractionValidator contract;
    private long meetingId;

    @BeforeAll
    static void loadContract() {
        contract = ZoomContract.loadValidator();
    }

    @BeforeEach
    void meetingWithRegistrants() {
        ZoomClient.resetSimulator();
        meetingId = createMeeting("host-b", safeguardedMeeting("Contract check"));
        zoom().body("{\"email\":\"sam@example.org\",\"first_name\":\"Sam\",\"last_name\":\"Young\"}")
                .post("/v2/meetings/{id}/registrants", meetingId).then().statusCode(201);
    }

    @Test
    void createdMeetingMatchesTheContract() {
        assertMatchesContract(Method.POST, "/v2/users/host-b/meetings", 201,
                zoom().body(safeguardedMeeting("Another")).post("/v2/users/host-b/meetings"));
    }

    @Test
    void meetingWithEverySettingEchoedMatchesTheContract() {
        long id = createMeeting("host-b", """
                {"topic":"All settings","type":2,"agenda":"Check-in","settings":{"host_video":true,
                 "participant_video":false,"audio":"both","approval_type":1,"registration_type":2,
                 "meeting_invitees":[{"email":"invitee@example.org"}],"jbh_time":5,"private_meeting":true}}
                """);
        assertMatchesContract(Method.GET, "/v2/meetings/" + id, 200, zoom().get("/v2/meetings/{id}", id));
    }

    @Test
    void readMeetingMatchesTheContract() {
        assertMatchesContract(Method.GET, "/v2/meetings/" + meetingId, 200,
                zoom().get("/v2/meetings/{id}", meetingId));
    }

    @Test
    void addedRegistrantMatchesTheContract() {
        assertMatchesContract(Method.POST, "/v2/meetings/" + meetingId + "/registrants", 201,
                zoom().body("{\"email\":\"alex@example.org\",\"first_name\":\"Alex\"}")
                        .post("/v2/meetings/{id}/registrants", meetingId));
    }

    @Test
    void registrantListMatchesTheContract() {
        assertMatchesContract(Method.GET, "/v2/meetings/" + meetingId + "/registrants", 200,
                zoom().get("/v2/meetings/{id}/registrants", meetingId));
    }

    @Test
    void userSettingsMatchTheContractInEveryView() {
        assertMatchesContract(Method.GET, "/v2/users/host-b/settings", 200, zoom().get("/v2/users/host-b/settings"));
        for (String option : new String[] {"meeting_security", "meeting_authentication", "recording_authentication"}) {
            assertMatchesContract(Method.GET, "/v2/users/host-b/settings", 200,
                    zoom().queryParam("option", option).get("/v2/users/host-b/settings"));
        }
    }

    @Test
    void answersWithoutBodyMatchTheContract() {
        assertMatchesContract(Method.PATCH, "/v2/meetings/" + meetingId, 204,
                zoom().body("{\"topic\":\"Renamed\"}").patch("/v2/meetings/{id}", meetingId));
        assertMatchesContract(Method.PUT, "/v2/meetings/" + meetingId + "/registrants/status", 204,
                zoom().body("{\"action\":\"approve\",\"registrants\":[{\"email\":\"sam@example.org\"}]}")
                        .put("/v2/meetings/{id}/registrants/status", meetingId));
        assertMatchesContract(Method.PATCH, "/v2/users/host-b/settings", 204,
                zoom().body("{\"in_meeting\":{\"file_transfer\":false}}").patch("/v2/users/host-b/settings"));
        assertMatchesContract(Method.PUT, "/v2/meetings/" + meetingId + "/status", 204,
                zoom().body("{\"action\":\"end\"}").put("/v2/meetings/{id}/status", meetingId));
        assertMatchesContract(Method.DELETE, "/v2/meetings/" + meetingId, 204,
                zoom().delete("/v2/meetings/{id}", meetingId));
    }

    @Test
    void refusalsUseStatusesTheContractDeclares() {
        // Zoom documents these statuses without a body schema, so only the status is checked.
        assertStatusDeclared(Method.GET, "/v2/meetings/12345678901", zoom().get("/v2/meetings/12345678901"));
        assertStatusDeclared(Method.POST, "/v2/users/host-b/meetings",
                zoom().body("{\"type\":\"x\"}").post("/v2/users/host-b/meetings"));
    }

    private static void assertMatchesContract(Method method, String path, int expectedStatus, Response answer) {
        assertEquals(expectedStatus, answer.statusCode(), () -> "unexpected answer: " + answer.asString());
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode());
        String body = answer.asString();
        if (!body.isEmpty()) {
            response.withContentType(answer.contentType()).withBody(body);
        }
        ValidationReport report = contract.validateResponse(path, method, response.build());
        assertFalse(report.hasErrors(), () -> method + " " + path + " answered outside the contract:\n"
                + report.getMessages() + "\nbody: " + body);
    }

    private static void assertStatusDeclared(Method method, String path, Response answer) {
        ValidationReport report = contract.validateResponse(path, method,
                SimpleResponse.Builder.status(answer.statusCode()).build());
        assertFalse(report.hasErrors(), () -> method + " " + path + " answered " + answer.statusCode()
                + ", which the contract does not declare: " + report.getMessages());
    }
}
