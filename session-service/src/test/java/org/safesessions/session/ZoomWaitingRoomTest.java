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
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.Sealed;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.session.application.SessionBooking;
import org.safesessions.session.application.WaitingRoomConfig;
import org.safesessions.session.application.WaitingRoomNames;
import org.safesessions.session.domain.MeetingSecrets;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.SessionStatus;
import org.safesessions.session.domain.WaitingRoomEntry;
import org.safesessions.testkit.DemoStaff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Zoom waiting room (SPEC §4): the simulator sends Zoom's signed waiting-room webhooks; a person waiting who is
 * neither an invited registrant nor a facilitator alerts the facilitators at once (UnknownParticipantWaiting, no
 * name on Kafka), an invited young person or a facilitator waiting does not; the facilitators' view shows who is
 * waiting, in and gone, against the invitations. The name typed into Zoom is sealed at rest and deleted 30 days after
 * the session ended.
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

    /** The waiting-room columns of one entry, as the database holds them. */
    private static Object[] storedEntry(String sessionId, String participantRef) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) Session.getEntityManager().createNativeQuery(
                        "select display_name, display_name_key, display_name_sealed from waiting_room_entry"
                                + " where session_id = ?1 and participant_ref = ?2")
                .setParameter(1, UUID.fromString(sessionId)).setParameter(2, participantRef).getSingleResult());
    }

    @Test
    void theNameTypedIntoZoomIsSealedAtRestAndShownToTheFacilitators() {
        String[] s = ZoomWebhookTest.provisionedSession(Fixtures.consentedGroup("org-a", 1, Platform.ZOOM));
        zoomSends("meeting.participant_joined_waiting_room", s[1],
                "{\"user_name\":\"Kindly Uncle Bob\",\"email\":\"bob@example.org\",\"participant_uuid\":\"sealed-1\"}");
        Object[] stored = storedEntry(s[0], "sealed-1");
        assertNull(stored[0], "no plain name column");
        assertEquals("local1", stored[1]);
        byte[] sealed = (byte[]) stored[2];
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Kindly Uncle Bob"), "sealed, not encoded");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Bob"));
        given().get("/sessions/" + s[0] + "/participants").then().statusCode(200)
                .body("waitingRoom[0].displayName", equalTo("Kindly Uncle Bob"));

        // a sealed name is bound to its entry: copied onto another, it does not open
        MeetingSecrets secrets = Arc.container().instance(MeetingSecrets.class).get();
        WaitingRoomEntry elsewhere = new WaitingRoomEntry();
        elsewhere.key = new WaitingRoomEntry.Key(UUID.fromString(s[0]), "sealed-2");
        elsewhere.name(new Sealed((String) stored[1], sealed));
        assertThrows(FieldCipher.TamperedCipherTextException.class, () -> secrets.displayName(elsewhere));
    }

    @Test
    void plainNamesFromBeforeV13AreSealedByTheSealingPass() {
        String[] s = ZoomWebhookTest.provisionedSession(Fixtures.consentedGroup("org-a", 1, Platform.ZOOM));
        QuarkusTransaction.requiringNew().run(() -> Session.getEntityManager().createNativeQuery(
                        "insert into waiting_room_entry (session_id, participant_ref, display_name, waiting_since)"
                                + " values (?1, 'legacy-1', 'Old Plain Name', now())")
                .setParameter(1, UUID.fromString(s[0])).executeUpdate());
        given().get("/sessions/" + s[0] + "/participants").then().statusCode(200)
                .body("waitingRoom[0].displayName", equalTo("Old Plain Name")); // readable before the pass

        WaitingRoomNames names = Arc.container().instance(WaitingRoomNames.class).get();
        assertTrue(names.sealPlainNames() >= 1);
        Object[] stored = storedEntry(s[0], "legacy-1");
        assertNull(stored[0]);
        assertFalse(new String((byte[]) stored[2], StandardCharsets.ISO_8859_1).contains("Old Plain Name"));
        given().get("/sessions/" + s[0] + "/participants").then().statusCode(200)
                .body("waitingRoom[0].displayName", equalTo("Old Plain Name"));
        assertEquals(0, names.sealPlainNames(), "nothing left to seal");
    }

    /** A session in the past with someone who waited: ended at {@code endedAt}, or never ended when null. */
    private static UUID pastSessionWithAWaitingEntry(OffsetDateTime bookedEnd, OffsetDateTime endedAt,
                                                     SessionStatus status) {
        MeetingSecrets secrets = Arc.container().instance(MeetingSecrets.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = Session.book("org-a", SessionKind.GROUP, "Retention club", bookedEnd.minusHours(1),
                    bookedEnd, Platform.ZOOM, true, null, List.of(new StaffMember(DemoStaff.WORKER_A, "worker-a",
                            "Worker A", "worker-a@example.invalid", "org-a", Set.of("youth-worker"))), "coord-a",
                    bookedEnd.minusDays(7));
            session.status = status;
            session.endedAt = endedAt;
            session.persist();
            WaitingRoomEntry.arrived(session.id, "waited-" + session.id, "Someone", secrets::sealDisplayName,
                    bookedEnd.minusHours(1));
            return session.id;
        });
    }

    private static boolean hasEntries(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> !WaitingRoomEntry.ofSession(sessionId).isEmpty());
    }

    @Test
    void waitingRoomEntriesAreDeletedThirtyDaysAfterTheirSessionEnded() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID endedLongAgo = pastSessionWithAWaitingEntry(now.minusDays(31), now.minusDays(31), SessionStatus.ENDED);
        UUID endedEarlyLongAgo = pastSessionWithAWaitingEntry(now.minusDays(40), now.minusDays(40).minusMinutes(30),
                SessionStatus.TERMINATED_EARLY);
        UUID neverEndedLongAgo = pastSessionWithAWaitingEntry(now.minusDays(31), null, SessionStatus.CANCELLED);
        UUID endedRecently = pastSessionWithAWaitingEntry(now.minusDays(29), now.minusDays(29), SessionStatus.ENDED);
        // booked to end long ago but ended (late) only recently: 30 days from when it really ended
        UUID endedLate = pastSessionWithAWaitingEntry(now.minusDays(35), now.minusDays(2), SessionStatus.ENDED);
        String[] live = ZoomWebhookTest.provisionedSession(Fixtures.consentedGroup("org-a", 1, Platform.ZOOM));
        zoomSends("meeting.participant_joined_waiting_room", live[1],
                "{\"user_name\":\"Waiting Now\",\"participant_uuid\":\"now-1\"}");

        assertEquals(Duration.ofDays(30), Arc.container().instance(WaitingRoomConfig.class).get().retention());
        assertTrue(Arc.container().instance(WaitingRoomNames.class).get().purge() >= 3);
        assertFalse(hasEntries(endedLongAgo));
        assertFalse(hasEntries(endedEarlyLongAgo));
        assertFalse(hasEntries(neverEndedLongAgo));
        assertTrue(hasEntries(endedRecently));
        assertTrue(hasEntries(endedLate));
        assertTrue(hasEntries(UUID.fromString(live[0])));
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
