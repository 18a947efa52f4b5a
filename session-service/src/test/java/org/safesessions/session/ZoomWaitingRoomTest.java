package org.safesessions.session;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.SessionKind;
import org.safesessions.session.application.SessionBooking;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Zoom waiting room (SPEC §4): the simulator sends Zoom's signed waiting-room webhooks; a person waiting who is
 * neither an invited registrant nor a facilitator alerts the facilitators at once (UnknownParticipantWaiting, no
 * name on Kafka), an invited young person or a facilitator waiting does not; the facilitators' view shows who is
 * waiting, in and gone, against the invitations.
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ZoomWaitingRoomTest extends SessionTestStack {

    @BeforeEach
    void zoomApproved() {
        Fixtures.approve("org-a", Platform.ZOOM);
    }

    /** Zoom's event, built and signed by the simulator and delivered to this service. */
    @SuppressWarnings("unchecked")
    private static void zoomSends(String event, String meetingId, String participantJson) {
        String target = "http://127.0.0.1:" + RestAssured.port + "/zoom/webhooks";
        Map<String, Object> answer = given().baseUri(ZoomSimulatorResource.baseUrl()).contentType(ContentType.JSON)
                .body("{\"event\":\"" + event + "\",\"meetingId\":" + meetingId + ",\"targetUrl\":\"" + target
                        + "\",\"participant\":" + participantJson + "}")
                .post("/_sim/webhooks").then().statusCode(200).extract().as(Map.class);
        assertEquals(200, answer.get("status"), "delivered and accepted: " + answer);
        assertTrue(String.valueOf(answer.get("signature")).startsWith("v0="), "signed as Zoom does");
    }

    @Test
    void strangerInTheWaitingRoomAlertsTheFacilitatorsAtOnce() {
        String[] s = ZoomWebhookTest.provisionedSession(Fixtures.consentedGroup("org-a", 1, Platform.ZOOM));
        zoomSends("meeting.participant_joined_waiting_room", s[1],
                "{\"user_name\":\"Totally A Student\",\"email\":\"stranger@example.org\",\"participant_uuid\":\"wait-1\"}");
        assertEquals(1, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_WAITING.type(), s[0]));
        String event = Fixtures.eventBodies(EventType.UNKNOWN_PARTICIPANT_WAITING.type(), s[0]).get(0);
        assertFalse(event.contains("Totally A Student") || event.contains("stranger@example.org"), "no name or email on Kafka");
        assertTrue(event.contains("worker-a") && event.contains("wait-1"), "facilitators and Zoom's participant id");

        given().get("/sessions/" + s[0] + "/participants").then().statusCode(200).contentType("application/json")
                .body("waitingRoom", hasSize(1))
                .body("waitingRoom[0].displayName", equalTo("Totally A Student"))
                .body("waitingRoom[0].unknown", equalTo(true))
                .body("invitees[0].state", equalTo("NOT_ARRIVED"));

        zoomSends("meeting.participant_left_waiting_room", s[1], "{\"participant_uuid\":\"wait-1\"}");
        given().get("/sessions/" + s[0] + "/participants").then().body("waitingRoom[0].leftAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(1, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_WAITING.type(), s[0]), "alerted once");
    }

    @Test
    void invitedRegistrantOrFacilitatorWaitingIsNoAlert() {
        String[] s = ZoomWebhookTest.provisionedSession(Fixtures.consentedGroup("org-a", 1, Platform.ZOOM));
        zoomSends("meeting.participant_joined_waiting_room", s[1],
                "{\"user_name\":\"Sam\",\"registrant_id\":\"" + s[2] + "\",\"participant_uuid\":\"yp-1\"}");
        zoomSends("meeting.participant_joined_waiting_room", s[1],
                "{\"user_name\":\"Worker\",\"email\":\"worker-a@staff.safesessions.invalid\",\"participant_uuid\":\"staff-1\"}");
        assertEquals(0, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_WAITING.type(), s[0]));
        given().get("/sessions/" + s[0] + "/participants").then()
                .body("waitingRoom.unknown", equalTo(List.of(false, false)))
                .body("invitees[0].state", equalTo("WAITING"));

        zoomSends("meeting.participant_admitted", s[1], "{\"participant_uuid\":\"yp-1\"}");
        zoomSends("meeting.participant_joined", s[1],
                "{\"user_name\":\"Sam\",\"registrant_id\":\"" + s[2] + "\",\"participant_uuid\":\"yp-1\"}");
        given().get("/sessions/" + s[0] + "/participants").then()
                .body("waitingRoom.find { it.participantRef == 'yp-1' }.admittedAt", org.hamcrest.Matchers.notNullValue())
                .body("waitingRoom.find { it.participantRef == 'staff-1' }.admittedAt", org.hamcrest.Matchers.nullValue())
                .body("meeting", hasSize(1))
                .body("invitees[0].state", equalTo("IN"));
    }

    @Test
    @TestSecurity(user = "coord-b", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsSessionParticipantsAre404() {
        SessionBooking booking = Arc.container().instance(SessionBooking.class).get();
        UUID orgA = QuarkusTransaction.requiringNew().call(() -> booking.book("org-a", new SessionBooking.Booking(
                SessionKind.GROUP, "Film club", Fixtures.workingDayAt(3, 10), Fixtures.workingDayAt(3, 11), Platform.ZOOM,
                Set.of("worker-a", "worker2-a"), Set.of(), true, null), "coord-a").id);
        given().get("/sessions/" + orgA + "/participants").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/sessions/" + UUID.randomUUID() + "/participants").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void safeguardingLeadMayNotReadTheLiveView() {
        given().get("/sessions/" + UUID.randomUUID() + "/participants").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void liveViewWithoutTokenIs401() {
        given().get("/sessions/" + UUID.randomUUID() + "/participants").then().statusCode(401);
    }
}
