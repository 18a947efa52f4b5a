package org.safesessions.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.AttendanceSource;
import org.safesessions.events.session.RemovalReason;
import org.safesessions.events.session.SessionKind;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.session.domain.Attendance;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.SessionStatus;
import org.safesessions.testkit.DemoStaff;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Statistics for trustees and councils (SPEC §5 "sessions held and attendance"): aggregates of the caller's
 * organisation only, per Europe/London month of the booked start, every month of the period. Held sessions are those
 * that began (started, ended, ended early); invited and attended are their young people's. Each test keeps its
 * sessions in a year of its own, so none counts another's.
 */
@QuarkusTest
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
class SessionStatisticsTest extends SessionTestStack {

    private static final String TITLE = "Statistics drama club";

    /** A session as it stands after its time: who was invited, who attended (by hand), who was taken off. */
    private static UUID session(String organisation, SessionKind kind, String startsAt, SessionStatus status,
                                List<UUID> invited, List<UUID> attended, List<UUID> removed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime start = OffsetDateTime.parse(startsAt);
            Session s = Session.book(organisation, kind, TITLE, start, start.plusHours(1), Platform.TEAMS, true, null,
                    List.of(new StaffMember(DemoStaff.WORKER_A, "worker-a", "Worker A", "worker-a@example.invalid",
                            organisation, Set.of("youth-worker"))), "coord-a", start.minusDays(7));
            for (UUID youngPerson : invited) {
                s.invite(youngPerson, start.minusDays(7));
            }
            for (UUID youngPerson : removed) {
                s.invite(youngPerson, start.minusDays(7));
                s.remove(youngPerson, RemovalReason.UNINVITED, start.minusDays(2));
            }
            s.status = status;
            if (status != SessionStatus.SCHEDULED && status != SessionStatus.CANCELLED) {
                s.startedAt = start;
            }
            if (status == SessionStatus.CANCELLED) {
                s.cancelledAt = start.minusDays(1);
            }
            s.persist();
            for (UUID youngPerson : invited) {
                attendance(s.id, youngPerson, "manual:" + youngPerson, attended.contains(youngPerson), start);
            }
            return s.id;
        });
    }

    private static void attendance(UUID sessionId, UUID youngPerson, String ref, boolean attended, OffsetDateTime at) {
        Attendance a = new Attendance();
        a.id = UUID.randomUUID();
        a.sessionId = sessionId;
        a.youngPersonId = youngPerson;
        a.participantRef = ref;
        a.attended = attended;
        a.joinedAt = attended ? at : null;
        a.source = ref.startsWith("manual:") ? AttendanceSource.MANUAL : AttendanceSource.WEBHOOK;
        a.recordedAt = at;
        a.persist();
    }

    private static UUID held(String startsAt, SessionKind kind, List<UUID> invited, List<UUID> attended) {
        return session("org-a", kind, startsAt, SessionStatus.ENDED, invited, attended, List.of());
    }

    private static List<UUID> people(int n) {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(UUID.randomUUID());
        }
        return Collections.unmodifiableList(people);
    }

    private static String body(String from, String to) {
        return given().queryParam("from", from).queryParam("to", to).get("/sessions/statistics").then()
                .statusCode(200).contentType("application/json").extract().asString();
    }

    private static JsonPath statistics(String from, String to) {
        return new JsonPath(body(from, to));
    }

    @Test
    void heldSessionsYoungPeopleReachedAndAttendanceAreCountedPerMonth() {
        List<UUID> p = people(7);
        UUID group = held("2051-01-14T10:00:00Z", SessionKind.GROUP, List.of(p.get(0), p.get(1), p.get(2)),
                List.of(p.get(0), p.get(1)));
        // p0 also came back through Zoom: a second attendance row, still one young person attending
        QuarkusTransaction.requiringNew().run(() -> attendance(group, p.get(0), "zoom-participant-1", true,
                OffsetDateTime.parse("2051-01-14T10:20:00Z")));
        session("org-a", SessionKind.ONE_TO_ONE, "2051-01-21T10:00:00Z", SessionStatus.TERMINATED_EARLY,
                List.of(p.get(0)), List.of(p.get(0)), List.of());
        // neither cancelled nor never-begun sessions were held
        session("org-a", SessionKind.GROUP, "2051-01-28T10:00:00Z", SessionStatus.CANCELLED, List.of(p.get(3)),
                List.of(p.get(3)), List.of());
        session("org-a", SessionKind.GROUP, "2051-01-29T10:00:00Z", SessionStatus.SCHEDULED, List.of(p.get(4)),
                List.of(), List.of());
        // still running; p6 was taken off before it began and is not counted as invited
        session("org-a", SessionKind.GROUP, "2051-03-10T10:00:00Z", SessionStatus.STARTED,
                List.of(p.get(0), p.get(5)), List.of(p.get(5)), List.of(p.get(6)));
        // another organisation's, in the same month
        session("org-b", SessionKind.GROUP, "2051-01-14T10:00:00Z", SessionStatus.ENDED, people(4), List.of(),
                List.of());

        assertEquals("""
                {"organisation":"org-a","from":"2051-01-01","to":"2051-03-31","zone":"Europe/London",\
                "sessionsHeld":3,"youngPeopleReached":3,"invited":6,"attended":4,"attendanceRate":0.667,\
                "months":[\
                {"month":"2051-01","sessionsHeld":2,"groupSessions":1,"oneToOnes":1,"youngPeopleReached":2,\
                "invited":4,"attended":3,"attendanceRate":0.75},\
                {"month":"2051-02","sessionsHeld":0,"groupSessions":0,"oneToOnes":0,"youngPeopleReached":0,\
                "invited":0,"attended":0,"attendanceRate":null},\
                {"month":"2051-03","sessionsHeld":1,"groupSessions":1,"oneToOnes":0,"youngPeopleReached":1,\
                "invited":2,"attended":1,"attendanceRate":0.5}]}""", body("2051-01-01", "2051-03-31"));
    }

    @Test
    void monthsAreLondonMonthsInSummerAndWinterTime() {
        held("2052-05-31T22:45:00Z", SessionKind.GROUP, List.of(), List.of()); // 23:45 BST on 31 May: outside
        held("2052-05-31T23:15:00Z", SessionKind.GROUP, List.of(), List.of()); // 00:15 BST on 1 June
        held("2052-06-30T23:30:00Z", SessionKind.GROUP, List.of(), List.of()); // 00:30 BST on 1 July
        held("2052-11-30T23:30:00Z", SessionKind.GROUP, List.of(), List.of()); // 23:30 GMT on 30 November
        held("2052-12-01T00:00:00Z", SessionKind.GROUP, List.of(), List.of()); // midnight GMT on 1 December: outside

        JsonPath s = statistics("2052-06-01", "2052-11-30");
        assertEquals(3, s.getInt("sessionsHeld"));
        assertEquals(List.of("2052-06", "2052-07", "2052-08", "2052-09", "2052-10", "2052-11"), s.getList("months.month"));
        assertEquals(List.of(1, 1, 0, 0, 0, 1), s.getList("months.sessionsHeld"));
        assertEquals(1, statistics("2052-12-01", "2052-12-31").getInt("sessionsHeld"));
        assertEquals(1, statistics("2052-05-01", "2052-05-31").getInt("sessionsHeld"));
    }

    @Test
    void aPeriodWithoutSessionsHasEveryMonthAtZeroAndNoRate() {
        JsonPath s = statistics("2053-01-01", "2053-12-31");
        assertEquals(0, s.getInt("sessionsHeld"));
        assertEquals(0, s.getInt("youngPeopleReached"));
        assertEquals(0, s.getInt("invited"));
        assertEquals(0, s.getInt("attended"));
        assertNull(s.get("attendanceRate"));
        assertEquals(12, s.getList("months").size());
        assertEquals(Collections.nCopies(12, 0), s.getList("months.sessionsHeld"));
        assertEquals(Collections.nCopies(12, null), s.getList("months.attendanceRate"));
        // a session held with no one invited has no rate either
        held("2054-05-06T10:00:00Z", SessionKind.GROUP, List.of(), List.of());
        JsonPath noInvitees = statistics("2054-05-01", "2054-05-31");
        assertEquals(1, noInvitees.getInt("months[0].sessionsHeld"));
        assertEquals(0, noInvitees.getInt("months[0].invited"));
        assertNull(noInvitees.get("months[0].attendanceRate"));
        assertNull(noInvitees.get("attendanceRate"));
    }

    @Test
    void statisticsNeverNameAnyoneOrASession() {
        List<UUID> p = people(2);
        UUID id = held("2055-02-01T10:00:00Z", SessionKind.GROUP, p, p);
        String body = body("2055-01-01", "2055-12-31");
        for (String personal : List.of(TITLE, "worker-a", "coord-a", p.get(0).toString(), p.get(1).toString(),
                id.toString(), DemoStaff.WORKER_A)) {
            assertFalse(body.contains(personal), body);
        }
        assertEquals(2, new JsonPath(body).getInt("attended"));
    }

    @Test
    @TestSecurity(user = "manager-b", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-b"), @Claim(key = "preferred_username", value = "manager-b")})
    void statisticsAreOfTheCallersOrganisationOnly() {
        held("2056-03-02T10:00:00Z", SessionKind.GROUP, people(3), List.of());
        session("org-b", SessionKind.ONE_TO_ONE, "2056-03-03T10:00:00Z", SessionStatus.ENDED, people(1), List.of(),
                List.of());
        JsonPath s = statistics("2056-03-01", "2056-03-31");
        assertEquals("org-b", s.getString("organisation"));
        assertEquals(1, s.getInt("sessionsHeld"));
        assertEquals(0, s.getInt("months[0].groupSessions"));
        assertEquals(1, s.getInt("months[0].oneToOnes"));
        assertEquals(1, s.getInt("invited"));
        assertEquals(0.0, s.getDouble("attendanceRate"));
    }

    // ---- who may read them, and bad periods -----------------------------------------------------------------------

    @Test
    @TestSecurity
    void statisticsWithoutATokenAre401() {
        given().queryParam("from", "2051-01-01").queryParam("to", "2051-01-31").get("/sessions/statistics").then()
                .statusCode(401).contentType("application/problem+json");
    }

    private static void forbidden() {
        given().queryParam("from", "2051-01-01").queryParam("to", "2051-01-31").get("/sessions/statistics").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void youthWorkersMayNotReadStatistics() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.COORD_A)})
    void coordinatorsMayNotReadStatistics() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilsMayNotReadStatistics() {
        forbidden();
    }

    private static void badPeriod(String from, String to, String field) {
        var request = given();
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        request.get("/sessions/statistics").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aPeriodNeedsBothDaysInOrderAndAtMost366DaysElse400NamingTheField() {
        badPeriod(null, "2051-01-31", "from");
        badPeriod("2051-01-01", null, "to");
        badPeriod("2051-13-01", "2051-01-31", "from");
        badPeriod("2051-01-01", "31/01/2051", "to");
        badPeriod("2051-02-01", "2051-01-31", "to");
        badPeriod("2051-01-01", "2052-01-02", "to");
        given().get("/sessions/statistics").then().statusCode(400).body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("to"));
        given().queryParam("from", "2051-02-01").queryParam("to", "2051-01-31").get("/sessions/statistics").then()
                .statusCode(400).body("errors.field", not(hasItem("from")));
        assertEquals(12, statistics("2052-01-01", "2052-12-31").getList("months").size()); // a leap year: 366 days
        assertEquals(1, statistics("2051-01-01", "2051-01-01").getList("months").size()); // one day
        given().accept("text/html").queryParam("from", "2051-01-01").queryParam("to", "2051-01-31")
                .get("/sessions/statistics").then().statusCode(406).contentType("application/problem+json")
                .body("status", equalTo(406));
    }

    @Test
    void theStatisticsOperationIsInTheOpenApiDocumentForDslsAndManagers() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("sessionStatistics", doc.getString("paths.'/sessions/statistics'.get.operationId"));
        assertEquals(List.of("safeguarding-lead", "manager"),
                doc.getList("paths.'/sessions/statistics'.get.security[0].keycloak"));
    }

    @Test
    void heldSessionsAreStartedEndedOrEndedEarlyNeverCancelledOrUnstarted() {
        OffsetDateTime base = OffsetDateTime.of(2057, 4, 7, 10, 0, 0, 0, ZoneOffset.UTC);
        for (SessionStatus status : SessionStatus.values()) {
            session("org-a", SessionKind.GROUP, base.plusDays(status.ordinal()).toString(), status, people(1),
                    List.of(), List.of());
        }
        assertEquals(3, statistics("2057-04-01", "2057-04-30").getInt("sessionsHeld"));
    }
}
