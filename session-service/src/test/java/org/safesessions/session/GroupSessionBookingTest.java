package org.safesessions.session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.safesessions.session.Fixtures.book;
import static org.safesessions.session.Fixtures.bookGroup;
import static org.safesessions.session.Fixtures.consentedGroup;
import static org.safesessions.session.Fixtures.events;
import static org.safesessions.session.Fixtures.groupSession;
import static org.safesessions.session.Fixtures.workingDayAt;

/**
 * Booking group sessions under the session policy: every rule is a 422 naming it, at booking and at every change.
 * Teams is used where Zoom provisioning is not the point (no meeting to provision).
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class GroupSessionBookingTest extends SessionTestStack {

    static final List<String> TWO_WORKERS = List.of("worker-a", "worker2-a");

    @BeforeEach
    void approvedPlatforms() {
        Fixtures.approve("org-a", Platform.TEAMS);
        Fixtures.approve("org-b", Platform.TEAMS);
    }

    static void rejected(String body, String rule) {
        book(body).statusCode(422).body("rule", equalTo(rule))
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void groupSessionNeedsTwoFacilitators() {
        rejected(groupSession(workingDayAt(3, 10), 60, Platform.TEAMS, List.of("worker-a"),
                consentedGroup("org-a", 2, Platform.TEAMS)), "group-session-needs-two-facilitators");
    }

    @Test
    void groupSessionInvitesAtMostTheMaximumNumberOfYoungPeople() {
        rejected(groupSession(workingDayAt(3, 10), 60, Platform.TEAMS, TWO_WORKERS,
                consentedGroup("org-a", 13, Platform.TEAMS)), "group-session-maximum-invitees");
        book(groupSession(workingDayAt(3, 10), 60, Platform.TEAMS, TWO_WORKERS,
                consentedGroup("org-a", 12, Platform.TEAMS))).statusCode(201);
    }

    @Test
    void sessionRunsWithinWorkingHours() {
        List<UUID> group = consentedGroup("org-a", 2, Platform.TEAMS);
        rejected(groupSession(Fixtures.saturdayAt(10), 60, Platform.TEAMS, TWO_WORKERS, group), "session-within-working-hours");
        rejected(groupSession(workingDayAt(3, 8), 60, Platform.TEAMS, TWO_WORKERS, group), "session-within-working-hours");
        rejected(groupSession(workingDayAt(3, 17), 90, Platform.TEAMS, TWO_WORKERS, group), "session-within-working-hours");
    }

    @Test
    void sessionIsNoLongerThanTheMaximumLength() {
        rejected(groupSession(workingDayAt(3, 10), 91, Platform.TEAMS, TWO_WORKERS,
                consentedGroup("org-a", 2, Platform.TEAMS)), "session-maximum-length");
    }

    @Test
    void onlyApprovedPlatformsAreUsed() {
        rejected(groupSession(workingDayAt(3, 10), 60, Platform.WHATSAPP, TWO_WORKERS,
                consentedGroup("org-a", 2, Platform.WHATSAPP)), "approved-platform-only");
    }

    @Test
    void sessionIsBookedForTheFuture() {
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        rejected(groupSession(past, 60, Platform.TEAMS, TWO_WORKERS, List.of()), "session-must-be-in-the-future");
    }

    @Test
    void inviteeNeedsActiveConsentForScopeAndPlatformAtTheSessionsTime() {
        UUID noConsent = UUID.randomUUID();
        rejected(groupSession(workingDayAt(3, 10), 60, Platform.TEAMS, TWO_WORKERS, List.of(noConsent)),
                "invitee-needs-active-consent");
        UUID zoomOnly = Fixtures.consentedYoungPerson("org-a", ConsentScope.GROUP_SESSIONS, Platform.ZOOM);
        rejected(groupSession(workingDayAt(3, 10), 60, Platform.TEAMS, TWO_WORKERS, List.of(zoomOnly)),
                "invitee-needs-active-consent");
        UUID oneToOneOnly = Fixtures.consentedYoungPerson("org-a", ConsentScope.ONE_TO_ONE_SESSIONS, Platform.TEAMS);
        rejected(groupSession(workingDayAt(3, 10), 60, Platform.TEAMS, TWO_WORKERS, List.of(oneToOneOnly)),
                "invitee-needs-active-consent");
        UUID expiresFirst = UUID.randomUUID();
        Fixtures.consent("org-a", expiresFirst, ConsentScope.GROUP_SESSIONS, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1),
                Platform.TEAMS);
        rejected(groupSession(workingDayAt(3, 10), 60, Platform.TEAMS, TWO_WORKERS, List.of(expiresFirst)),
                "invitee-needs-active-consent");
        UUID otherOrganisations = Fixtures.consentedYoungPerson("org-b", ConsentScope.GROUP_SESSIONS, Platform.TEAMS);
        rejected(groupSession(workingDayAt(3, 10), 60, Platform.TEAMS, TWO_WORKERS, List.of(otherOrganisations)),
                "invitee-needs-active-consent");
    }

    @Test
    void bookingPublishesSessionScheduledAndEachInvitation() {
        List<UUID> group = consentedGroup("org-a", 3, Platform.TEAMS);
        String id = bookGroup(Platform.TEAMS, group);
        given().get("/sessions/" + id).then().statusCode(200)
                .body("status", equalTo("SCHEDULED"))
                .body("facilitators", equalTo(TWO_WORKERS))
                .body("invitations.size()", equalTo(3))
                .body("invitations[0].invitationReady", equalTo(true))
                .body("provisioning.state", equalTo("NOT_NEEDED"))
                .body("durationMinutes", equalTo(60));
        assertEquals(1, events(EventType.SESSION_SCHEDULED.type(), id));
        assertEquals(3, events(EventType.PARTICIPANT_INVITED.type(), id));
        String scheduled = Fixtures.eventBodies(EventType.SESSION_SCHEDULED.type(), id).get(0);
        org.junit.jupiter.api.Assertions.assertFalse(scheduled.contains("Art club"), "no title on Kafka");
    }

    @Test
    void rescheduleChecksEveryRuleAgainAndPublishesTheChange() {
        String id = bookGroup(Platform.TEAMS, consentedGroup("org-a", 2, Platform.TEAMS));
        patch(id, "{\"startsAt\":\"" + Fixtures.saturdayAt(10) + "\"}").statusCode(422)
                .body("rule", equalTo("session-within-working-hours"));
        patch(id, "{\"facilitators\":[\"worker-a\"]}").statusCode(422)
                .body("rule", equalTo("group-session-needs-two-facilitators"));
        patch(id, "{\"durationMinutes\":120}").statusCode(422).body("rule", equalTo("session-maximum-length"));
        assertEquals(0, events(EventType.SESSION_RESCHEDULED.type(), id), "refused changes publish nothing");

        OffsetDateTime later = workingDayAt(4, 14);
        patch(id, "{\"startsAt\":\"" + later + "\",\"durationMinutes\":45}").statusCode(200)
                .body("durationMinutes", equalTo(45));
        assertEquals(1, events(EventType.SESSION_RESCHEDULED.type(), id));
        patch(id, "{\"title\":\"  \"}").statusCode(400);
    }

    @Test
    void rescheduleBeyondAnInviteesConsentIsRefused() {
        UUID shortConsent = UUID.randomUUID();
        Fixtures.consent("org-a", shortConsent, ConsentScope.GROUP_SESSIONS, workingDayAt(5, 12), Platform.TEAMS);
        String id = bookGroup(Platform.TEAMS, List.of(shortConsent));
        patch(id, "{\"startsAt\":\"" + workingDayAt(8, 10) + "\"}").statusCode(422)
                .body("rule", equalTo("invitee-needs-active-consent"));
    }

    @Test
    void cancellationPublishesSessionCancelledOnce() {
        String id = bookGroup(Platform.TEAMS, consentedGroup("org-a", 2, Platform.TEAMS));
        given().post("/sessions/" + id + "/cancellation").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().post("/sessions/" + id + "/cancellation").then().statusCode(409)
                .body("rule", equalTo("session-no-longer-changeable"));
        patch(id, "{\"durationMinutes\":30}").statusCode(409);
        assertEquals(1, events(EventType.SESSION_CANCELLED.type(), id));
    }

    @Test
    void invitingChecksConsentAndTheMaximum() {
        String id = bookGroup(Platform.TEAMS, consentedGroup("org-a", 11, Platform.TEAMS));
        invite(id, List.of(UUID.randomUUID())).statusCode(422).body("rule", equalTo("invitee-needs-active-consent"));
        invite(id, consentedGroup("org-a", 2, Platform.TEAMS)).statusCode(422)
                .body("rule", equalTo("group-session-maximum-invitees"));
        UUID twelfth = consentedGroup("org-a", 1, Platform.TEAMS).get(0);
        invite(id, List.of(twelfth)).statusCode(200).body("invitations.size()", equalTo(12));
        invite(id, List.of(twelfth)).statusCode(200).body("invitations.size()", equalTo(12));
        assertEquals(12, events(EventType.PARTICIPANT_INVITED.type(), id), "a repeated invitation is not sent twice");
        given().contentType(ContentType.JSON).body("{\"youngPersonIds\":[]}").post("/sessions/" + id + "/invitations")
                .then().statusCode(400).body("errors[0].field", equalTo("youngPersonIds"));
    }

    @Test
    void uninvitingRemovesTheYoungPersonAndSaysWhy() {
        List<UUID> group = consentedGroup("org-a", 2, Platform.TEAMS);
        String id = bookGroup(Platform.TEAMS, group);
        given().delete("/sessions/" + id + "/invitations/" + group.get(0)).then().statusCode(200)
                .body("invitations.find { it.youngPersonId == '" + group.get(0) + "' }.status", equalTo("REMOVED"))
                .body("invitations.find { it.youngPersonId == '" + group.get(0) + "' }.removalReason", equalTo("UNINVITED"));
        given().delete("/sessions/" + id + "/invitations/" + group.get(0)).then().statusCode(404);
        assertEquals(1, events(EventType.PARTICIPANT_REMOVED.type(), id));
    }

    @Test
    void listsSessionsByPeriodFacilitatorAndYoungPerson() {
        List<UUID> group = consentedGroup("org-a", 1, Platform.TEAMS);
        String id = book(groupSession(workingDayAt(20, 11), 30, Platform.TEAMS, List.of("worker-a", "coord-a"), group))
                .statusCode(201).extract().path("id");
        String from = workingDayAt(20, 0).toString().replace("+", "%2B");
        given().urlEncodingEnabled(false).get("/sessions?from=" + from + "&facilitator=coord-a").then().statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("total", equalTo(1));
        given().get("/sessions?youngPersonId=" + group.get(0)).then().body("items.id", equalTo(List.of(id)));
        given().get("/sessions?facilitator=nobody").then().body("total", equalTo(0));
        given().get("/sessions?youngPersonId=nope").then().statusCode(400);
        given().get("/sessions?from=yesterday").then().statusCode(400);
        given().get("/sessions?size=0").then().statusCode(400);
        given().get("/sessions?facilitator=" + "x".repeat(101)).then().statusCode(400);
    }

    @Test
    void badBookingInputIs400NamingTheField() {
        String valid = groupSession(workingDayAt(3, 10), 60, Platform.TEAMS, TWO_WORKERS, List.of());
        book(valid.replace("\"title\":\"Art club\",", "")).statusCode(400).body("errors[0].field", equalTo("title"));
        book(valid.replace("\"durationMinutes\":60", "\"durationMinutes\":0")).statusCode(400)
                .body("errors[0].field", equalTo("durationMinutes"));
        book(valid.replace("TEAMS", "CARRIER_PIGEON")).statusCode(400);
        book(valid.replace("worker2-a", "not a user name!")).statusCode(400);
        book(valid.replace("\"invitees\":[]", "\"invitees\":[\"x\"]")).statusCode(400);
        book("{not json").statusCode(400);
        book(valid.replace(workingDayAt(3, 10).toString(), "tomorrow")).statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse patch(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).patch("/sessions/" + id).then();
    }

    private static io.restassured.response.ValidatableResponse invite(String id, List<UUID> youngPeople) {
        String ids = youngPeople.stream().map(u -> "\"" + u + "\"").reduce((a, b) -> a + "," + b).orElse("");
        return given().contentType(ContentType.JSON).body("{\"youngPersonIds\":[" + ids + "]}")
                .post("/sessions/" + id + "/invitations").then();
    }
}
