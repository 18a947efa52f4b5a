package org.safesessions.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.SessionKind;
import org.safesessions.session.application.FacilitatorBackfill;
import org.safesessions.session.application.SessionBooking;
import org.safesessions.session.domain.Attendance;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.ZoomMeeting;
import org.safesessions.testkit.DemoStaff;
import org.safesessions.testkit.KeycloakResource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff are people, not strings (SPEC §2 "Staff identity"): facilitators are resolved through the staff directory
 * (Keycloak; here test-kit's stand-in seeded from the realm file), stored by Keycloak user id, counted once per
 * person and recognised by the token's subject and through the directory when they join Zoom.
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class FacilitatorIdentityTest extends SessionTestStack {

    @Inject
    SessionBooking booking;

    @Inject
    EntityManager em;

    @Inject
    FacilitatorBackfill backfill;

    @BeforeEach
    void platformsApproved() {
        Fixtures.approve("org-a", Platform.TEAMS);
        Fixtures.approve("org-a", Platform.ZOOM);
    }

    @AfterEach
    void realmAsCommitted() {
        KeycloakResource.comeBack();
        KeycloakResource.reset();
    }

    private static ValidatableResponse bookWith(String... facilitators) {
        return Fixtures.book(Fixtures.groupSession(Fixtures.workingDayAt(3, 10), 60, Platform.TEAMS, List.of(facilitators),
                Fixtures.consentedGroup("org-a", 1, Platform.TEAMS)));
    }

    private static void refused(ValidatableResponse response, String rule) {
        response.statusCode(422).contentType("application/problem+json").body("rule", equalTo(rule));
    }

    private String bookedOutsideRest(Platform platform, String... facilitators) {
        return QuarkusTransaction.requiringNew().call(() -> booking.book("org-a", new SessionBooking.Booking(
                SessionKind.GROUP, "Games", Fixtures.workingDayAt(4, 10), Fixtures.workingDayAt(4, 11), platform,
                Set.of(facilitators), Set.copyOf(Fixtures.consentedGroup("org-a", 1, platform)), true, null),
                "coord-a").id.toString());
    }

    @Test
    void theTestsStaffIdsAreTheDirectorysIds() {
        assertEquals(KeycloakResource.idOf("worker-a"), DemoStaff.WORKER_A);
        assertEquals(KeycloakResource.idOf("worker2-a"), DemoStaff.WORKER2_A);
        assertEquals(KeycloakResource.idOf("worker3-a"), DemoStaff.WORKER3_A);
    }

    @Test
    void facilitatorsAreStoredByKeycloakIdAndShownByTheirCanonicalName() {
        String id = bookWith("WORKER-A", "Worker2-A").statusCode(201)
                .body("facilitators", equalTo(List.of("worker-a", "worker2-a"))).extract().path("id");
        given().get("/sessions/" + id).then().body("facilitators", equalTo(List.of("worker-a", "worker2-a")));
        List<?> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select user_id from session_facilitator where session_id = ?1 order by user_name")
                .setParameter(1, UUID.fromString(id)).getResultList());
        assertEquals(List.of(DemoStaff.WORKER_A, DemoStaff.WORKER2_A), ids);
    }

    @Test
    void twoSpellingsOfOneWorkerAreOneFacilitator() {
        refused(bookWith("worker-a", "WORKER-A"), "group-session-needs-two-facilitators");
        refused(bookWith("Worker-A", "WORKER-a"), "group-session-needs-two-facilitators");
    }

    @Test
    void facilitatorMustBeStaffOfOrganisationNotAMadeUpName() {
        refused(bookWith("worker-a", "worker-z"), "facilitator-must-be-staff-of-organisation");
        bookWith("worker-a", "worker-z").body("detail", not(containsString("worker-z")));
    }

    @Test
    void facilitatorMustBeStaffOfOrganisationNotAnotherOrganisations() {
        refused(bookWith("worker-a", "worker-b"), "facilitator-must-be-staff-of-organisation");
        refused(bookWith("worker-a", "WORKER-B"), "facilitator-must-be-staff-of-organisation");
    }

    @Test
    void facilitatorMustHaveARoleThatMayLeadSessions() {
        refused(bookWith("worker-a", "dsl-a"), "facilitator-must-be-staff-of-organisation");
        // service accounts are in Keycloak too, but are nobody's staff
        refused(bookWith("worker-a", "service-account-session-service"), "facilitator-must-be-staff-of-organisation");
        // coordinators and managers may lead
        bookWith("worker-a", "manager-a").statusCode(201).body("facilitators", equalTo(List.of("manager-a", "worker-a")));
    }

    @Test
    void facilitatorMustBeAnEnabledMemberOfStaff() {
        KeycloakResource.addUser("org-a", "leaver-a", "youth-worker");
        bookWith("worker-a", "leaver-a").statusCode(201);
        KeycloakResource.disableUser("leaver-a");
        refused(bookWith("worker-a", "leaver-a"), "facilitator-must-be-staff-of-organisation");
    }

    @Test
    void newFacilitatorsOfARescheduleAreCheckedToo() {
        String id = bookWith("worker-a", "worker2-a").statusCode(201).extract().path("id");
        refused(patch(id, "{\"facilitators\":[\"worker-a\",\"worker-b\"]}"), "facilitator-must-be-staff-of-organisation");
        refused(patch(id, "{\"facilitators\":[\"worker-a\",\"WORKER-A\"]}"), "group-session-needs-two-facilitators");
        patch(id, "{\"facilitators\":[\"COORD-A\",\"worker-a\"]}").statusCode(200)
                .body("facilitators", equalTo(List.of("coord-a", "worker-a")));
        String event = Fixtures.eventBodies(EventType.SESSION_RESCHEDULED.type(), id).get(0);
        assertTrue(event.contains(KeycloakResource.idOf("coord-a")) && event.contains(DemoStaff.WORKER_A), event);
    }

    @Test
    void oneToOneWorkersMustBeStaffOfOrganisationAndCountOnce() {
        UUID youngPerson = Fixtures.consentedYoungPerson("org-a", ConsentScope.ONE_TO_ONE_SESSIONS, Platform.TEAMS);
        String request = given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + youngPerson + "\"}")
                .post("/one-to-one-requests").then().statusCode(201).extract().path("id");
        String schedule = """
                {"title":"Check-in","startsAt":"%s","durationMinutes":30,"platform":"TEAMS","facilitators":[%s]}""";
        refused(given().contentType(ContentType.JSON).body(schedule.formatted(Fixtures.workingDayAt(3, 10), "\"worker-b\""))
                .post("/one-to-one-requests/" + request + "/schedule").then(), "facilitator-must-be-staff-of-organisation");
        given().contentType(ContentType.JSON).body(schedule.formatted(Fixtures.workingDayAt(3, 10),
                        "\"WORKER-A\",\"worker-a\"")).post("/one-to-one-requests/" + request + "/schedule")
                .then().statusCode(201).body("facilitators", equalTo(List.of("worker-a")))
                .body("singleFacilitatorFlag", equalTo(true));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void aWorkerBookedInCapitalsSeesAndRunsTheirSession() {
        String id = bookedOutsideRest(Platform.TEAMS, "WORKER-A", "worker2-a");
        given().get("/sessions/" + id).then().statusCode(200).body("facilitators", hasItem("worker-a"));
        given().get("/sessions?size=200").then().statusCode(200).body("items.id", hasItem(id));
        given().contentType(ContentType.JSON).body(SessionConductTest.FULL_CHECKLIST).put("/sessions/" + id + "/checklist")
                .then().statusCode(200);
        given().post("/sessions/" + id + "/start").then().statusCode(200);
        UUID invitee = QuarkusTransaction.requiringNew().call(() ->
                Session.<Session>findById(UUID.fromString(id)).invitees().get(0));
        given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + invitee + "\",\"attended\":false}")
                .post("/sessions/" + id + "/attendance").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"reason\":\"TECHNICAL\"}").post("/sessions/" + id + "/termination")
                .then().statusCode(200).body("status", equalTo("TERMINATED_EARLY"));
        String event = Fixtures.eventBodies(EventType.SESSION_TERMINATED_EARLY.type(), id).get(0);
        assertTrue(event.contains("\"terminatedById\":\"" + DemoStaff.WORKER_A + "\""), event);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER3_A)})
    void aWorkerIsRecognisedByTheTokensSubjectNotByTheNameItCarries() {
        String id = bookedOutsideRest(Platform.TEAMS, "worker-a", "worker2-a");
        given().get("/sessions/" + id).then().statusCode(404);
        given().get("/sessions?size=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().post("/sessions/" + id + "/start").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void sessionsBookedBeforeIdsWereKeptStillReachTheirWorker() {
        String id = bookedOutsideRest(Platform.TEAMS, "worker-a", "worker2-a");
        // a row as V2 left it: a user name, no id
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update session_facilitator set user_id = null where session_id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        given().get("/sessions/" + id).then().statusCode(200);
        given().get("/sessions?size=200").then().body("items.id", hasItem(id));
    }

    @Test
    void rowsFromBeforeIdsWereKeptAreGivenTheirKeycloakId() {
        String id = bookWith("worker-a", "worker2-a").statusCode(201).extract().path("id");
        KeycloakResource.removeUser("worker2-a"); // no longer staff: stays a name only
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update session_facilitator set user_id = null where session_id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        backfill.run();
        List<?> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select coalesce(user_id, '-') from session_facilitator where session_id = ?1 order by user_name")
                .setParameter(1, UUID.fromString(id)).getResultList());
        assertEquals(List.of(DemoStaff.WORKER_A, "-"), ids);
        given().get("/sessions/" + id).then().statusCode(200).body("facilitators", equalTo(List.of("worker-a", "worker2-a")));
    }

    @Test
    void aSessionFromBeforeIdsWereKeptTakesNewFacilitators() {
        String id = bookWith("worker-a", "worker2-a").statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update session_facilitator set user_id = null where session_id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        patch(id, "{\"facilitators\":[\"WORKER-A\",\"coord-a\"]}").statusCode(200)
                .body("facilitators", equalTo(List.of("coord-a", "worker-a")));
        List<?> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select user_id from session_facilitator where session_id = ?1 order by user_name")
                .setParameter(1, UUID.fromString(id)).getResultList());
        assertEquals(List.of(KeycloakResource.idOf("coord-a"), DemoStaff.WORKER_A), ids);
    }

    @Test
    void theFacilitatorFilterAcceptsAnySpelling() {
        String id = bookWith("worker-a", "coord-a").statusCode(201).extract().path("id");
        given().get("/sessions?facilitator=COORD-A&size=200").then().statusCode(200).body("items.id", hasItem(id));
        given().get("/sessions?facilitator=Coord-A&size=200").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aFacilitatorJoiningZoomWithTheirKeycloakEmailIsNotAnUnknownParticipant() {
        String id = bookedOutsideRest(Platform.ZOOM, "WORKER-A", "worker2-a");
        ZoomProvisioningTest.awaitReady(id);
        long meetingId = QuarkusTransaction.requiringNew().call(() -> ZoomMeeting.<ZoomMeeting>findById(UUID.fromString(id)).meetingId);
        long now = Instant.now().getEpochSecond();
        ZoomWebhookTest.post(ZoomWebhookTest.joined(meetingId, "staff-" + UUID.randomUUID(), null, "worker-a@org-a.example"),
                now, ZoomWebhookTest.SECRET).statusCode(200);
        ZoomWebhookTest.post(ZoomWebhookTest.joined(meetingId, "staff-" + UUID.randomUUID(), null, "Worker2-A@Org-A.example"),
                now, ZoomWebhookTest.SECRET).statusCode(200);
        assertEquals(0, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_JOINED.type(), id));
        List<Attendance> rows = QuarkusTransaction.requiringNew().call(() -> Attendance.ofSession(UUID.fromString(id)));
        assertEquals(Set.of("worker-a", "worker2-a"), Set.copyOf(rows.stream().map(a -> a.facilitator).toList()));
        assertEquals(Set.of(DemoStaff.WORKER_A, DemoStaff.WORKER2_A), Set.copyOf(rows.stream().map(a -> a.facilitatorId).toList()));

        // another organisation's worker is a stranger here
        ZoomWebhookTest.post(ZoomWebhookTest.joined(meetingId, "other-" + UUID.randomUUID(), null, "worker-b@org-b.example"),
                now, ZoomWebhookTest.SECRET).statusCode(200);
        assertEquals(1, Fixtures.events(EventType.UNKNOWN_PARTICIPANT_JOINED.type(), id));
        String event = Fixtures.eventBodies(EventType.UNKNOWN_PARTICIPANT_JOINED.type(), id).get(0);
        assertTrue(event.contains(DemoStaff.WORKER_A) && event.contains(DemoStaff.WORKER2_A), "facilitators are alerted by id: " + event);
        assertFalse(event.contains("@"), "no email on Kafka: " + event);
    }

    @Test
    void eventsNameFacilitatorsByKeycloakIdAndCarryNoEmail() {
        String id = bookWith("WORKER-A", "worker2-a").statusCode(201).extract().path("id");
        String event = Fixtures.eventBodies(EventType.SESSION_SCHEDULED.type(), id).get(0);
        assertTrue(event.contains("\"facilitatorIds\":[\"" + DemoStaff.WORKER_A + "\",\"" + DemoStaff.WORKER2_A + "\"]"), event);
        assertFalse(event.contains("@") || event.contains("Youth Worker"), "no email or display name on Kafka: " + event);
        given().post("/sessions/" + id + "/cancellation").then().statusCode(200);
        String cancelled = Fixtures.eventBodies(EventType.SESSION_CANCELLED.type(), id).get(0);
        assertTrue(cancelled.contains(DemoStaff.WORKER_A), cancelled);
    }

    @Test
    void keycloakUnreachableWhileBookingIs503WithRetryAfter() {
        KeycloakResource.goAway();
        bookWith("worker-a", "worker2-a").statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5")).body("status", equalTo(503));
        KeycloakResource.comeBack();
        KeycloakResource.failWith(500);
        bookWith("worker-a", "worker2-a").statusCode(503).header("Retry-After", startsWith("5"));
        KeycloakResource.failWith(0);
        bookWith("worker-a", "worker2-a").statusCode(201);
    }

    private static ValidatableResponse patch(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).patch("/sessions/" + id).then();
    }
}
