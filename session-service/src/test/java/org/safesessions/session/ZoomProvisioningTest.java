package org.safesessions.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.Platform;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.MeetingSecrets;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.ZoomMeeting;
import org.safesessions.session.domain.ZoomRegistrant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.session.Fixtures.consentedGroup;
import static org.safesessions.testkit.Eventually.await;

/**
 * Zoom provisioning against the zoom-simulator, which checks every request against Zoom's published contract:
 * the safe meeting and host settings, a registrant per invitee, changes carried to Zoom, and Zoom's failures
 * (429 with Retry-After, 5xx, slow answers) retried without a second meeting or registrant.
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ZoomProvisioningTest extends SessionTestStack {

    @Inject
    MeetingSecrets secrets;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    private double provisioningFailuresCounted() {
        var counter = meters.find("safesessions.zoom.provisioning.failures").counter();
        return counter == null ? 0 : counter.count();
    }

    @BeforeEach
    void zoomApproved() {
        Fixtures.approve("org-a", Platform.ZOOM);
    }

    @AfterEach
    void noFaultsLeft() {
        ZoomSim.clearFaults();
    }

    static String provisioning(String id) {
        return given().get("/sessions/" + id).then().extract().path("provisioning.state");
    }

    static void awaitReady(String id) {
        await("Zoom provisioning is done", () -> "READY".equals(provisioning(id)));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> activeRegistrants(Map<String, Object> meeting) {
        return ((List<Map<String, Object>>) meeting.get("registrants")).stream()
                .filter(r -> !"cancelled".equals(String.valueOf(r.get("status")))).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void zoomMeetingHasTheSafeSettingsAndOneRegistrantPerInvitee() {
        List<UUID> group = consentedGroup("org-a", 3, Platform.ZOOM);
        String id = Fixtures.bookGroup(Platform.ZOOM, group);
        awaitReady(id);

        List<Map<String, Object>> meetings = ZoomSim.meetingsOf(id);
        assertEquals(1, meetings.size());
        Map<String, Object> meeting = meetings.get(0);
        Map<String, Object> settings = (Map<String, Object>) meeting.get("settings");
        assertEquals(true, settings.get("waiting_room"));
        assertEquals(false, settings.get("join_before_host"));
        assertEquals("none", settings.get("auto_recording"));
        assertEquals(true, settings.get("mute_upon_entry"));
        assertEquals(0, settings.get("approval_type"));
        String passcode = (String) meeting.get("password");
        assertTrue(passcode.length() <= 10 && passcode.matches("[A-Za-z0-9@_*-]+"), "passcode in Zoom's allowed set");
        assertEquals(3, activeRegistrants(meeting).size());

        String host = String.valueOf(((Map<String, Object>) meeting.get("host")).get("id"));
        assertTrue(host.startsWith("zoom-host-"), "a host of the pool, not me: " + host);
        Map<String, Object> inMeeting = ZoomSim.settings().getMap("'" + host + "'.in_meeting");
        assertEquals("host", inMeeting.get("who_can_share_screen"));
        assertEquals("host", inMeeting.get("who_can_share_screen_when_someone_is_sharing"));
        assertEquals(false, inMeeting.get("file_transfer"));
        assertEquals(true, inMeeting.get("waiting_room"));
        assertEquals(false, ZoomSim.settings().getMap("'" + host + "'.schedule_meeting").get("join_before_host"));

        assertEquals(3, Fixtures.events(EventType.PARTICIPANT_INVITED.type(), id), "each invitation ready once registered");
        QuarkusTransaction.requiringNew().run(() -> {
            Session session = Session.findById(UUID.fromString(id));
            ZoomMeeting stored = ZoomMeeting.findById(session.id);
            assertFalse(new String(stored.passcode, StandardCharsets.ISO_8859_1).contains(passcode), "stored sealed");
            assertEquals(passcode, secrets.passcode(stored));
            Invitation invitation = session.invitations.get(0);
            ZoomRegistrant registrant = ZoomRegistrant.findById(invitation.key);
            String joinUrl = secrets.joinUrl(registrant);
            assertTrue(joinUrl.startsWith("https://"), "the personal join link opens");
            assertFalse(new String(registrant.joinUrl, StandardCharsets.ISO_8859_1).contains("https"), "stored sealed");
        });
        assertEquals(List.of(), ZoomSim.contractViolations(), "every request met Zoom's contract");
    }

    @Test
    void rescheduleUpdatesUninviteCancelsTheRegistrantAndCancelDeletesTheMeeting() {
        List<UUID> group = consentedGroup("org-a", 2, Platform.ZOOM);
        String id = Fixtures.bookGroup(Platform.ZOOM, group);
        awaitReady(id);

        String later = Fixtures.workingDayAt(5, 14).toString();
        given().contentType(ContentType.JSON).body("{\"startsAt\":\"" + later + "\",\"durationMinutes\":45}")
                .patch("/sessions/" + id).then().statusCode(200);
        await("Zoom has the new time", () -> Integer.valueOf(45).equals(ZoomSim.meetingsOf(id).get(0).get("duration")));
        awaitReady(id);

        given().delete("/sessions/" + id + "/invitations/" + group.get(0)).then().statusCode(200);
        await("the registrant is cancelled", () -> activeRegistrants(ZoomSim.meetingsOf(id).get(0)).size() == 1);
        awaitReady(id);

        given().post("/sessions/" + id + "/cancellation").then().statusCode(200);
        await("the meeting is deleted", () -> Boolean.TRUE.equals(ZoomSim.meetingsOf(id).get(0).get("deleted")));
        awaitReady(id);
        assertEquals(1, ZoomSim.meetingsOf(id).size());
    }

    @Test
    void rateLimitedAndFailingZoomIsRetriedWithoutASecondMeetingOrRegistrant() {
        ZoomSim.fault("{\"method\":\"POST\",\"path\":\"/v2/users/[^/]+/meetings\",\"status\":429,\"retryAfterSeconds\":1,\"times\":2}");
        ZoomSim.fault("{\"method\":\"POST\",\"path\":\"/v2/meetings/[0-9]+/registrants\",\"status\":500,\"times\":1}");
        List<UUID> group = consentedGroup("org-a", 2, Platform.ZOOM);
        String id = Fixtures.bookGroup(Platform.ZOOM, group);
        awaitReady(id);
        List<Map<String, Object>> meetings = ZoomSim.meetingsOf(id);
        assertEquals(1, meetings.size(), "one meeting");
        assertEquals(2, activeRegistrants(meetings.get(0)).size(), "one registrant each");
        assertEquals(2, Fixtures.events(EventType.PARTICIPANT_INVITED.type(), id));
    }

    @Test
    void slowMeetingCreationIsRetriedWithoutASecondMeeting() {
        // Zoom makes the meeting but answers after the client's 1.5 s timeout: the retry finds it by its agenda
        ZoomSim.fault("{\"method\":\"POST\",\"path\":\"/v2/users/[^/]+/meetings\",\"delayMs\":2500,\"times\":1}");
        String id = Fixtures.bookGroup(Platform.ZOOM, consentedGroup("org-a", 1, Platform.ZOOM));
        awaitReady(id);
        assertEquals(1, ZoomSim.meetingsOf(id).size(), "one meeting");
        String zoomPasscode = (String) ZoomSim.meetingsOf(id).get(0).get("password");
        QuarkusTransaction.requiringNew().run(() ->
                assertEquals(zoomPasscode, secrets.passcode(ZoomMeeting.findById(UUID.fromString(id))), "the passcode Zoom holds"));
    }

    @Test
    void slowRegistrantAnswerIsRetriedAndTheSameRegistrantKept() {
        // the simulator registers, then answers after the client's 1.5 s timeout: the retry must find that registrant
        ZoomSim.fault("{\"method\":\"POST\",\"path\":\"/v2/meetings/[0-9]+/registrants\",\"delayMs\":2500,\"times\":1}");
        List<UUID> group = consentedGroup("org-a", 1, Platform.ZOOM);
        String id = Fixtures.bookGroup(Platform.ZOOM, group);
        awaitReady(id);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) ZoomSim.meetingsOf(id).get(0).get("registrants");
        assertEquals(1, all.size(), "no second registrant");
        given().get("/sessions/" + id).then().body("provisioning.attempts", equalTo(0));
    }

    @Test
    void provisioningGivesUpAfterItsRetriesAndSaysSo() {
        double failuresBefore = provisioningFailuresCounted();
        ZoomSim.fault("{\"method\":\"POST\",\"path\":\"/v2/users/[^/]+/meetings\",\"status\":503,\"times\":-1}");
        String id = Fixtures.bookGroup(Platform.ZOOM, consentedGroup("org-a", 1, Platform.ZOOM));
        await("provisioning failed", () -> "FAILED".equals(provisioning(id)));
        given().get("/sessions/" + id).then().body("provisioning.attempts", equalTo(4))
                .body("provisioning.failure", equalTo("HTTP_503"));
        assertEquals(1, Fixtures.events(EventType.MEETING_PROVISIONING_FAILED.type(), id));
        assertEquals(failuresBefore + 1, provisioningFailuresCounted(), 0.0, "counted for the ops alert");
        assertTrue(ZoomSim.meetingsOf(id).isEmpty());

        // a change to the session tries again once Zoom is back
        ZoomSim.clearFaults();
        given().contentType(ContentType.JSON).body("{\"durationMinutes\":50}").patch("/sessions/" + id).then().statusCode(200);
        awaitReady(id);
        assertEquals(1, ZoomSim.meetingsOf(id).size());
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "invitation-reader")
    void joinDetailsGiveEachYoungPersonTheirOwnLinkAndThePasscode() {
        List<UUID> group = consentedGroup("org-a", 2, Platform.ZOOM);
        org.safesessions.session.application.SessionBooking booking =
                io.quarkus.arc.Arc.container().instance(org.safesessions.session.application.SessionBooking.class).get();
        UUID id = QuarkusTransaction.requiringNew().call(() -> booking.book("org-a", new org.safesessions.session.application
                .SessionBooking.Booking(org.safesessions.events.session.SessionKind.GROUP, "Film club",
                Fixtures.workingDayAt(3, 10), Fixtures.workingDayAt(3, 11), Platform.ZOOM,
                java.util.Set.of("worker-a", "worker2-a"), java.util.Set.copyOf(group), true, null), "coord-a").id);
        await("Zoom provisioning is done", () -> QuarkusTransaction.requiringNew().call(() ->
                ZoomMeeting.<ZoomMeeting>findById(id).state == org.safesessions.session.domain.ProvisioningState.READY));
        String passcode = (String) ZoomSim.meetingsOf(id.toString()).get(0).get("password");
        String first = given().get("/sessions/" + id + "/invitations/" + group.get(0) + "/join-details?organisation=org-a")
                .then().statusCode(200).body("platform", equalTo("ZOOM")).body("title", equalTo("Film club"))
                .body("passcode", equalTo(passcode)).extract().path("joinUrl");
        String second = given().get("/sessions/" + id + "/invitations/" + group.get(1) + "/join-details?organisation=org-a")
                .then().statusCode(200).extract().path("joinUrl");
        assertTrue(first.startsWith("https://") && !first.equals(second), "a personal link each");
    }
}
