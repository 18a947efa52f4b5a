package org.safesessions.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.SessionKind;
import org.safesessions.session.application.SessionBooking;
import org.safesessions.testkit.DemoStaff;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Roles and tenancy on every session endpoint: 401 without a token, 403 for each role that may not, 404 for another
 * organisation's session and for a session a youth worker does not lead.
 */
@QuarkusTest
class SessionAccessTest extends SessionTestStack {

    /** org-a's session, led by worker-a and worker2-a, with one invitee. */
    static UUID sessionId;
    static UUID invitee;
    static UUID orgARequest;

    static final String BOOKING = """
            {"title":"t","startsAt":"%s","durationMinutes":60,"platform":"TEAMS","facilitators":["worker-a","worker2-a"],"invitees":[]}"""
            .formatted(Fixtures.workingDayAt(3, 10));

    @BeforeAll
    static void aSessionOfOrgA() {
        Fixtures.approve("org-a", Platform.TEAMS);
        invitee = Fixtures.consentedYoungPerson("org-a", ConsentScope.GROUP_SESSIONS, Platform.TEAMS);
        SessionBooking booking = io.quarkus.arc.Arc.container().instance(SessionBooking.class).get();
        sessionId = QuarkusTransaction.requiringNew().call(() -> booking.book("org-a", new SessionBooking.Booking(
                SessionKind.GROUP, "Drama", Fixtures.workingDayAt(3, 10), Fixtures.workingDayAt(3, 11), Platform.TEAMS,
                Set.of("worker-a", "worker2-a"), Set.of(invitee), true, null), "coord-a").id);
        var requests = io.quarkus.arc.Arc.container().instance(org.safesessions.session.application.OneToOneRequests.class).get();
        orgARequest = requests.record("org-a", invitee, "coord-a").id;
    }

    /** Every session path with a request each; the body is valid so that only the role decides. */
    static void each(int expected, boolean includeReads) {
        String s = "/sessions/" + sessionId;
        if (includeReads) {
            given().get("/sessions").then().statusCode(expected);
            given().get(s).then().statusCode(expected);
        }
        given().contentType(ContentType.JSON).body(BOOKING).post("/sessions").then().statusCode(expected);
        given().contentType(ContentType.JSON).body("{\"durationMinutes\":30}").patch(s).then().statusCode(expected);
        given().post(s + "/cancellation").then().statusCode(expected);
        given().contentType(ContentType.JSON).body("{\"youngPersonIds\":[\"" + invitee + "\"]}").post(s + "/invitations")
                .then().statusCode(expected);
        given().delete(s + "/invitations/" + invitee).then().statusCode(expected);
    }

    static void conduct(int expected) {
        String s = "/sessions/" + sessionId;
        given().contentType(ContentType.JSON)
                .body("{\"briefingGiven\":true,\"groundRulesAgreed\":true,\"organisationDevices\":true}")
                .put(s + "/checklist").then().statusCode(expected);
        given().post(s + "/start").then().statusCode(expected);
        given().post(s + "/end").then().statusCode(expected);
        given().contentType(ContentType.JSON).body("{\"reason\":\"TECHNICAL\"}").post(s + "/termination")
                .then().statusCode(expected);
        given().post(s + "/responsible-adult-confirmation").then().statusCode(expected);
    }

    /** Reports and one-to-one requests: coordinators and managers only. */
    static void coordination(int expected) {
        UUID request = UUID.randomUUID();
        given().get("/reports/attendance?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z").then().statusCode(expected);
        given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + invitee + "\"}").post("/one-to-one-requests")
                .then().statusCode(expected);
        given().get("/one-to-one-requests").then().statusCode(expected);
        given().get("/one-to-one-requests/" + request).then().statusCode(expected);
        given().contentType(ContentType.JSON).body("""
                {"title":"t","startsAt":"%s","durationMinutes":30,"platform":"TEAMS","facilitators":["worker-a"]}"""
                .formatted(Fixtures.workingDayAt(3, 10))).post("/one-to-one-requests/" + request + "/schedule")
                .then().statusCode(expected);
    }

    @Test
    void sessionEndpointsWithoutTokenAre401() {
        each(401, true);
        conduct(401);
        coordination(401);
        given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + invitee + "\",\"attended\":true}")
                .post("/sessions/" + sessionId + "/attendance").then().statusCode(401);
        given().get("/sessions/" + sessionId + "/invitations/" + invitee + "/join-details?organisation=org-a")
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void youthWorkerCannotBookChangeOrCancel() {
        each(403, false);
        coordination(403);
        given().get("/sessions/" + sessionId).then().statusCode(200);
        given().get("/sessions?size=200").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(sessionId.toString()));
    }

    @Test
    @TestSecurity(user = "worker3-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER3_A)})
    void youthWorkerSeesOnlySessionsTheyLead() {
        given().get("/sessions/" + sessionId).then().statusCode(404);
        given().get("/sessions").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(sessionId.toString())));
        conduct(404);
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void safeguardingLeadHasNoSessionRole() {
        each(403, true);
        conduct(403);
        coordination(403);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilHasNoSessionRole() {
        each(403, true);
        conduct(403);
        coordination(403);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void staffCannotReadJoinDetails() {
        given().get("/sessions/" + sessionId + "/invitations/" + invitee + "/join-details?organisation=org-a")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-b", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsSessionIs404() {
        String s = "/sessions/" + sessionId;
        given().get(s).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"durationMinutes\":30}").patch(s).then().statusCode(404);
        given().post(s + "/cancellation").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"youngPersonIds\":[\"" + invitee + "\"]}").post(s + "/invitations")
                .then().statusCode(404);
        given().delete(s + "/invitations/" + invitee).then().statusCode(404);
        conduct(404);
        given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + invitee + "\",\"attended\":true}")
                .post(s + "/attendance").then().statusCode(404);
        given().get("/sessions").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(sessionId.toString())));
        given().get("/sessions/not-a-uuid").then().statusCode(400);
        given().get("/one-to-one-requests/" + orgARequest).then().statusCode(404);
        given().contentType(ContentType.JSON).body("""
                {"title":"t","startsAt":"%s","durationMinutes":30,"platform":"TEAMS","facilitators":["worker-a"]}"""
                .formatted(Fixtures.workingDayAt(3, 10))).post("/one-to-one-requests/" + orgARequest + "/schedule")
                .then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "invitation-reader")
    void joinDetailsForNotificationService() {
        String path = "/sessions/" + sessionId + "/invitations/" + invitee + "/join-details";
        given().get(path + "?organisation=org-a").then().statusCode(200)
                .body("sessionId", equalTo(sessionId.toString()))
                .body("youngPersonId", equalTo(invitee.toString()))
                .body("title", equalTo("Drama"))
                .body("platform", equalTo("TEAMS"))
                .body("joinUrl", equalTo(null))
                .body("passcode", equalTo(null));
        given().get(path + "?organisation=org-b").then().statusCode(404);
        given().get("/sessions/" + sessionId + "/invitations/" + UUID.randomUUID() + "/join-details?organisation=org-a")
                .then().statusCode(404);
        given().get(path).then().statusCode(400);
        given().get("/sessions").then().statusCode(403);
        List.of("/policy").forEach(p -> given().get(p).then().statusCode(403));
    }
}
