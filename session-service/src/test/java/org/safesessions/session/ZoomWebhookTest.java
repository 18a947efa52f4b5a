package org.safesessions.session;

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
import org.safesessions.session.client.WebhookSignature;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.ZoomMeeting;
import org.safesessions.session.domain.ZoomRegistrant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zoom webhooks: Zoom's signature and five-minute timestamp (good, bad, stale, replayed), url validation, and
 * participant joins becoming attendance or, for someone neither facilitator nor invited, UnknownParticipantJoined.
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ZoomWebhookTest extends SessionTestStack {

    static final String SECRET = "local-webhook-secret";

    @BeforeEach
    void zoomApproved() {
        Fixtures.approve("org-a", Platform.ZOOM);
    }

    static io.restassured.response.ValidatableResponse post(String body, long epochSeconds, String secret) {
        String timestamp = Long.toString(epochSeconds);
        return given().contentType(ContentType.JSON).header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", WebhookSignature.sign(secret, timestamp, body))
                .body(body).post("/zoom/webhooks").then();
    }

    static String joined(long meetingId, String participantUuid, String registrantId, String email) {
        return """
                {"event":"meeting.participant_joined","event_ts":%d,"payload":{"account_id":"local-account",
                 "object":{"id":"%d","participant":{"user_id":"1601","user_name":"Someone","participant_uuid":"%s",
                 "join_time":"%s"%s%s}}}}""".formatted(System.currentTimeMillis(), meetingId, participantUuid,
                OffsetDateTime.now(ZoneOffset.UTC).withNano(0),
                registrantId == null ? "" : ",\"registrant_id\":\"" + registrantId + "\"",
                email == null ? "" : ",\"email\":\"" + email + "\"");
    }

    /** A Zoom session with its meeting provisioned; returns [sessionId, meetingId, first invitee's registrant id]. */
    static String[] provisionedSession(List<UUID> invitees) {
        String id = Fixtures.bookGroup(Platform.ZOOM, invitees);
        ZoomProvisioningTest.awaitReady(id);
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = Session.findById(UUID.fromString(id));
            return new String[]{id, ZoomMeeting.<ZoomMeeting>findById(session.id).meetingId.toString(),
                    ZoomRegistrant.<ZoomRegistrant>findById(session.invitations.get(0).key).registrantId};
        });
    }

    @Test
    void urlValidationIsAnswered() {
        String body = "{\"event\":\"endpoint.url_validation\",\"payload\":{\"plainToken\":\"abc123\"},\"event_ts\":1}";
        post(body, Instant.now().getEpochSecond(), SECRET).statusCode(200)
                .body("plainToken", equalTo("abc123"))
                .body("encryptedToken", equalTo(WebhookSignature.encryptedToken(SECRET, "abc123")));
    }

    @Test
    void urlValidationThroughTheSimulatorPasses() {
        String target = "http://127.0.0.1:" + RestAssured.port + "/zoom/webhooks";
        given().baseUri(ZoomSimulatorResource.baseUrl()).contentType(ContentType.JSON)
                .body("{\"event\":\"endpoint.url_validation\",\"targetUrl\":\"" + target + "\"}")
                .post("/_sim/webhooks").then().statusCode(200).body("urlValidationPassed", equalTo(true));
    }

    @Test
    void badSignatureIs401() {
        String body = joined(1, "p-1", null, null);
        post(body, Instant.now().getEpochSecond(), "not-the-secret").statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/zoom/webhooks").then().statusCode(401);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        given().contentType(ContentType.JSON).header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", WebhookSignature.sign(SECRET, timestamp, body))
                .body(body.replace("Someone", "Someone else")).post("/zoom/webhooks").then().statusCode(401);
    }

    /**
     * Zoom's timestamp is in whole seconds, so a request's age is only known to within a second: the margins here
     * are ten seconds either side of the five minutes (the exact boundary is {@code WebhookSignatureTest}'s).
     */
    @Test
    void staleTimestampIs401() {
        String body = joined(1, "p-2", null, null);
        post(body, Instant.now().minusSeconds(310).getEpochSecond(), SECRET).statusCode(401);
        post(body, Instant.now().plusSeconds(310).getEpochSecond(), SECRET).statusCode(401);
        post(body, Instant.now().minusSeconds(200).getEpochSecond(), SECRET).statusCode(200);
    }

    @Test
    void unknownParticipantJoinedIsRaisedAtOnceAndAReplayChangesNothing() {
        String[] s = provisionedSession(Fixtures.consentedGroup("org-a", 1, Platform.ZOOM));
        String body = joined(Long.parseLong(s[1]), "stranger-" + UUID.randomUUID(), null, "stranger@example.org");
        long now = Instant.now().getEpochSecond();
        post(body, now, SECRET).statusCode(200);
        assertEquals(1, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_JOINED.type(), s[0]));
        post(body, now, SECRET).statusCode(200);
        assertEquals(1, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_JOINED.type(), s[0]), "the replay changed nothing");
        String event = Fixtures.eventBodies(EventType.UNKNOWN_PARTICIPANT_JOINED.type(), s[0]).get(0);
        assertFalse(event.contains("stranger@example.org") || event.contains("Someone"), "no name or email on Kafka");
        assertTrue(event.contains("worker-a"), "facilitators are named to be alerted");
    }

    @Test
    void invitedRegistrantAndFacilitatorJoiningBecomeAttendance() {
        List<UUID> group = Fixtures.consentedGroup("org-a", 1, Platform.ZOOM);
        String[] s = provisionedSession(group);
        long meetingId = Long.parseLong(s[1]);
        long now = Instant.now().getEpochSecond();
        post(joined(meetingId, "yp-" + UUID.randomUUID(), s[2], null), now, SECRET).statusCode(200);
        post(joined(meetingId, "staff-" + UUID.randomUUID(), null, "worker-a@staff.safesessions.invalid"), now, SECRET)
                .statusCode(200);
        assertEquals(1, Fixtures.events(EventType.ATTENDANCE_RECORDED.type(), s[0]));
        assertEquals(0, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_JOINED.type(), s[0]));
    }

    @Test
    void removedInviteeJoiningIsAnUnknownParticipant() {
        List<UUID> group = Fixtures.consentedGroup("org-a", 2, Platform.ZOOM);
        String[] s = provisionedSession(group);
        String registrant = s[2];
        UUID removed = QuarkusTransaction.requiringNew().call(() -> Session.<Session>findById(UUID.fromString(s[0]))
                .invitations.get(0).youngPersonId());
        given().delete("/sessions/" + s[0] + "/invitations/" + removed).then().statusCode(200);
        post(joined(Long.parseLong(s[1]), "again-" + UUID.randomUUID(), registrant, null),
                Instant.now().getEpochSecond(), SECRET).statusCode(200);
        assertEquals(1, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_JOINED.type(), s[0]));
    }

    @Test
    @SuppressWarnings("unchecked")
    void simulatorsSignedWebhookOfAnUnknownParticipantIsAccepted() {
        String[] s = provisionedSession(Fixtures.consentedGroup("org-a", 1, Platform.ZOOM));
        String target = "http://127.0.0.1:" + RestAssured.port + "/zoom/webhooks";
        Map<String, Object> answer = given().baseUri(ZoomSimulatorResource.baseUrl()).contentType(ContentType.JSON)
                .body("{\"event\":\"meeting.participant_joined\",\"meetingId\":" + s[1] + ",\"targetUrl\":\"" + target
                        + "\",\"participant\":{\"user_name\":\"Intruder\",\"email\":\"x@example.org\"}}")
                .post("/_sim/webhooks").then().statusCode(200).extract().as(Map.class);
        assertEquals(200, answer.get("status"));
        assertEquals(1, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_JOINED.type(), s[0]));
    }
}
