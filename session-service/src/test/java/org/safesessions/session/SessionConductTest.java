package org.safesessions.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.safesessions.events.session.SessionKind;
import org.safesessions.session.application.SessionBooking;
import org.safesessions.testkit.DemoStaff;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Running sessions: the pre-session checklist before the start, one-to-one requests and the responsible adult,
 * early termination with a reason, attendance by hand, and the attendance report in JSON and CSV.
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class SessionConductTest extends SessionTestStack {

    static final String FULL_CHECKLIST = "{\"briefingGiven\":true,\"groundRulesAgreed\":true,\"organisationDevices\":true}";

    @BeforeEach
    void teamsApproved() {
        Fixtures.approve("org-a", Platform.TEAMS);
    }

    static io.restassured.response.ValidatableResponse checklist(String id, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/sessions/" + id + "/checklist").then();
    }

    /** A group session booked outside REST (e.g. for a test whose identity cannot book). */
    static String bookedGroup(boolean firstOfGroup, List<UUID> invitees) {
        SessionBooking booking = io.quarkus.arc.Arc.container().instance(SessionBooking.class).get();
        return QuarkusTransaction.requiringNew().call(() -> booking.book("org-a", new SessionBooking.Booking(
                SessionKind.GROUP, "Games", Fixtures.workingDayAt(3, 10), Fixtures.workingDayAt(3, 11), Platform.TEAMS,
                Set.of("worker-a", "worker2-a"), Set.copyOf(invitees), firstOfGroup, null), "coord-a").id.toString());
    }

    @Test
    void checklistCompleteBeforeStart() {
        String id = Fixtures.bookGroup(Platform.TEAMS, Fixtures.consentedGroup("org-a", 1, Platform.TEAMS));
        given().post("/sessions/" + id + "/start").then().statusCode(422)
                .body("rule", equalTo("checklist-complete-before-start"));
        checklist(id, FULL_CHECKLIST.replace("\"groundRulesAgreed\":true", "\"groundRulesAgreed\":false")).statusCode(200)
                .body("checklist.complete", equalTo(false)).body("checklist.groundRulesNeeded", equalTo(true));
        given().post("/sessions/" + id + "/start").then().statusCode(422);
        checklist(id, FULL_CHECKLIST).statusCode(200).body("checklist.complete", equalTo(true))
                .body("checklist.recordedBy", equalTo("coord-a"));
        given().post("/sessions/" + id + "/start").then().statusCode(200).body("status", equalTo("STARTED"));
        assertEquals(1, Fixtures.events(EventType.SESSION_STARTED.type(), id));
        given().post("/sessions/" + id + "/start").then().statusCode(409);
        checklist(id, FULL_CHECKLIST).statusCode(409);
        given().post("/sessions/" + id + "/end").then().statusCode(200).body("status", equalTo("ENDED"));
        assertEquals(1, Fixtures.events(EventType.SESSION_ENDED.type(), id));
        checklist(id, "{\"briefingGiven\":true}").statusCode(400);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void groundRulesAreAgreedAtAGroupsFirstSessionOnly() {
        String later = bookedGroup(false, List.of());
        checklist(later, FULL_CHECKLIST.replace("\"groundRulesAgreed\":true", "\"groundRulesAgreed\":false"))
                .statusCode(200).body("checklist.complete", equalTo(true));
        given().post("/sessions/" + later + "/start").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void earlyTerminationIsRecordedWithItsReason() {
        UUID youngPerson = Fixtures.consentedYoungPerson("org-a", ConsentScope.GROUP_SESSIONS, Platform.TEAMS);
        String id = bookedGroup(true, List.of(youngPerson));
        given().contentType(ContentType.JSON).body("{\"reason\":\"SAFEGUARDING\"}").post("/sessions/" + id + "/termination")
                .then().statusCode(409);
        checklist(id, FULL_CHECKLIST).statusCode(200);
        given().post("/sessions/" + id + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"reason\":\"SAFEGUARDING\",\"youngPersonId\":\"" + UUID.randomUUID() + "\"}")
                .post("/sessions/" + id + "/termination").then().statusCode(422)
                .body("rule", equalTo("termination-young-person-must-be-invited"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"BORED\"}").post("/sessions/" + id + "/termination")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"reason\":\"SAFEGUARDING\",\"youngPersonId\":\"" + youngPerson + "\"}")
                .post("/sessions/" + id + "/termination").then().statusCode(200)
                .body("status", equalTo("TERMINATED_EARLY")).body("terminationReason", equalTo("SAFEGUARDING"));
        String event = Fixtures.eventBodies(EventType.SESSION_TERMINATED_EARLY.type(), id).get(0);
        assertTrue(event.contains("\"terminatedBy\":\"worker-a\"") && event.contains(youngPerson.toString()), event);
        assertEquals(1, Fixtures.events(EventType.SESSION_ENDED.type(), id));
    }

    @Test
    void attendanceByHandAndTheReportInJsonAndCsv() {
        List<UUID> group = Fixtures.consentedGroup("org-a", 2, Platform.TEAMS);
        String id = Fixtures.bookGroup(Platform.TEAMS, group);
        String present = "{\"youngPersonId\":\"" + group.get(0) + "\",\"attended\":true,\"joinedAt\":\"%s\",\"leftAt\":\"%s\"}";
        OffsetDateTime joined = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        given().contentType(ContentType.JSON).body(present.formatted(joined, joined.plusMinutes(50)))
                .post("/sessions/" + id + "/attendance").then().statusCode(422)
                .body("rule", equalTo("attendance-once-the-session-has-begun"));
        checklist(id, FULL_CHECKLIST).statusCode(200);
        given().post("/sessions/" + id + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(present.formatted(joined, joined.plusMinutes(50)))
                .post("/sessions/" + id + "/attendance").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + group.get(1) + "\",\"attended\":false}")
                .post("/sessions/" + id + "/attendance").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + UUID.randomUUID() + "\",\"attended\":true}")
                .post("/sessions/" + id + "/attendance").then().statusCode(422)
                .body("rule", equalTo("attendance-for-invited-young-people"));
        given().contentType(ContentType.JSON).body(present.formatted(joined, joined.minusMinutes(5)))
                .post("/sessions/" + id + "/attendance").then().statusCode(400);
        assertEquals(2, Fixtures.events(EventType.ATTENDANCE_RECORDED.type(), id));

        // around the session's own day (the working day three days ahead, worked out again, moves if midnight passes)
        OffsetDateTime startsAt = OffsetDateTime.parse(given().get("/sessions/" + id).then().statusCode(200)
                .extract().<String>path("startsAt"));
        String from = startsAt.minusHours(10).minusDays(1).toInstant().toString();
        String to = startsAt.plusHours(13).toInstant().toString();
        given().get("/reports/attendance?from=" + from + "&to=" + to).then().statusCode(200)
                .body("find { it.sessionId == '" + id + "' }.youngPeopleAttended", equalTo(1))
                .body("find { it.sessionId == '" + id + "' }.invited", equalTo(2))
                .body("find { it.sessionId == '" + id + "' }.attendance.size()", equalTo(2));
        String csv = given().accept("text/csv").get("/reports/attendance?from=" + from + "&to=" + to).then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("sessionId,kind,platform,startsAt"), csv);
        assertTrue(csv.contains(id + ",GROUP,TEAMS,"), csv);
        assertTrue(csv.contains("," + group.get(0) + ",true," + joined + "," + joined.plusMinutes(50) + ",MANUAL\r\n"), csv);
        assertTrue(csv.contains("," + group.get(1) + ",false,,,MANUAL\r\n"), csv);
        given().get("/reports/attendance?from=" + from).then().statusCode(400);
        given().get("/reports/attendance?from=" + to + "&to=" + from).then().statusCode(400);
        given().get("/reports/attendance?from=soon&to=" + to).then().statusCode(400);
    }

    @Test
    void oneToOneRequestIsScheduledWithOneOrTwoWorkersAndNeedsAResponsibleAdult() {
        UUID youngPerson = Fixtures.consentedYoungPerson("org-a", ConsentScope.ONE_TO_ONE_SESSIONS, Platform.TEAMS);
        String request = given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + youngPerson + "\"}")
                .post("/one-to-one-requests").then().statusCode(201).body("recordedBy", equalTo("coord-a"))
                .extract().path("id");
        assertEquals(1, Fixtures.events(EventType.ONE_TO_ONE_REQUESTED.type(), request));
        given().get("/one-to-one-requests").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(request));

        String schedule = """
                {"title":"Check-in","startsAt":"%s","durationMinutes":30,"platform":"TEAMS","facilitators":[%s]}""";
        given().contentType(ContentType.JSON).body(schedule.formatted(Fixtures.workingDayAt(3, 10),
                        "\"worker-a\",\"worker2-a\",\"coord-a\"")).post("/one-to-one-requests/" + request + "/schedule")
                .then().statusCode(422).body("rule", equalTo("one-to-one-needs-one-or-two-workers"));
        String session = given().contentType(ContentType.JSON).body(schedule.formatted(Fixtures.workingDayAt(3, 10),
                        "\"worker-a\"")).post("/one-to-one-requests/" + request + "/schedule")
                .then().statusCode(201).body("kind", equalTo("ONE_TO_ONE")).body("singleFacilitatorFlag", equalTo(true))
                .body("oneToOneRequestId", equalTo(request)).extract().path("id");
        given().contentType(ContentType.JSON).body(schedule.formatted(Fixtures.workingDayAt(3, 10), "\"worker-a\""))
                .post("/one-to-one-requests/" + request + "/schedule").then().statusCode(409)
                .body("rule", equalTo("one-to-one-request-scheduled-once"));

        checklist(session, FULL_CHECKLIST.replace("\"groundRulesAgreed\":true", "\"groundRulesAgreed\":false"))
                .statusCode(200).body("checklist.complete", equalTo(true));
        given().post("/sessions/" + session + "/start").then().statusCode(422)
                .body("rule", equalTo("one-to-one-needs-responsible-adult-confirmed"));
        given().post("/sessions/" + session + "/responsible-adult-confirmation").then().statusCode(200);
        given().post("/sessions/" + session + "/start").then().statusCode(200);
    }

    @Test
    void oneToOneNeedsOneToOneConsent() {
        UUID groupOnly = Fixtures.consentedYoungPerson("org-a", ConsentScope.GROUP_SESSIONS, Platform.TEAMS);
        String request = given().contentType(ContentType.JSON).body("{\"youngPersonId\":\"" + groupOnly + "\"}")
                .post("/one-to-one-requests").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("""
                        {"title":"Check-in","startsAt":"%s","durationMinutes":30,"platform":"TEAMS","facilitators":["worker-a"]}"""
                        .formatted(Fixtures.workingDayAt(3, 10))).post("/one-to-one-requests/" + request + "/schedule")
                .then().statusCode(422).body("rule", equalTo("invitee-needs-active-consent"));
        given().contentType(ContentType.JSON).body("{}").post("/one-to-one-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("youngPersonId"));
        given().contentType(ContentType.JSON).body("{\"title\":\"x\"}").post("/one-to-one-requests/" + request + "/schedule")
                .then().statusCode(400);
    }

    @Test
    void groupSessionHasNoResponsibleAdultStep() {
        String id = Fixtures.bookGroup(Platform.TEAMS, List.of());
        given().post("/sessions/" + id + "/responsible-adult-confirmation").then().statusCode(422)
                .body("rule", equalTo("responsible-adult-applies-to-one-to-one"));
    }
}
