package org.safesessions.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.SessionKind;
import org.safesessions.session.application.FacilitatorBackfill;
import org.safesessions.session.application.SessionBooking;
import org.safesessions.testkit.DemoStaff;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, SPEC §10: a list's total is read from the totals the database keeps (V15 per organisation, for sessions
 * and one-to-one requests; V16 per facilitator) where no filter applies, and is exactly what counting gives after
 * bookings, cancellations, changes of facilitators, rows from before V3, their backfill and deletes; with a filter it
 * is counted. Sessions here start 70-80 days ahead, away from the other classes' periods.
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class SessionListTotalsTest extends SessionTestStack {

    @Inject
    SessionBooking booking;

    @Inject
    FacilitatorBackfill backfill;

    @Inject
    EntityManager em;

    @BeforeEach
    void platformsApproved() {
        Fixtures.approve("org-a", Platform.TEAMS);
        Fixtures.approve("org-b", Platform.TEAMS);
    }

    @AfterEach
    void keptTotalsAreCounts() {
        assertKeptTotalsAreCounts();
    }

    @Test
    void anOrganisationsListTotalIsItsNumberOfSessions() {
        String first = booked("org-a", 70, "worker-a", "worker2-a");
        String second = booked("org-a", 71, "worker-a", "worker2-a");
        booked("org-b", 71, "worker-b", "worker2-b");
        coordinatorsTotalIsCounted();
        given().post("/sessions/" + second + "/cancellation").then().statusCode(200);
        coordinatorsTotalIsCounted(); // a cancelled session is still listed
        deleted(first);
        coordinatorsTotalIsCounted();
        assertKeptTotalsAreCounts();
    }

    @Test
    void aFacilitatorsListTotalIsTheNumberOfSessionsTheyLead() {
        String id = booked("org-a", 72, "worker-a", "worker2-a");
        facilitatorsTotalIsCounted("worker2-a");
        given().contentType("application/json").body("{\"facilitators\":[\"worker-a\",\"manager-a\"]}")
                .patch("/sessions/" + id).then().statusCode(200);
        facilitatorsTotalIsCounted("worker2-a");
        facilitatorsTotalIsCounted("MANAGER-A");
        given().get("/sessions?facilitator=nobody").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void aYouthWorkersListTotalIsTheNumberOfSessionsTheyLead() {
        booked("org-a", 73, "worker-a", "worker2-a");
        booked("org-a", 74, "worker2-a", "manager-a");
        String legacy = booked("org-a", 75, "worker-a", "manager-a");
        youthWorkersTotalIsCounted();
        // a row as V2 left it (a user name, no id): counted apart, and the list counts while one remains
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update session_facilitator set user_id = null where session_id = ?1")
                .setParameter(1, UUID.fromString(legacy)).executeUpdate());
        youthWorkersTotalIsCounted();
        assertKeptTotalsAreCounts();
        backfill.run();
        youthWorkersTotalIsCounted();
        given().get("/sessions?facilitator=manager-a").then().statusCode(200)
                .body("total", equalTo(count("""
                        select count(*) from session s where s.organisation = 'org-a'
                        and exists (select 1 from session_facilitator f where f.session_id = s.id and f.user_id = ?1)
                        and exists (select 1 from session_facilitator f where f.session_id = s.id and f.user_name = ?2)
                        """, DemoStaff.WORKER_A, "manager-a")));
    }

    @Test
    void aFilteredListTotalCountsItsMatches() {
        OffsetDateTime day = Fixtures.workingDayAt(80, 0);
        String id = booked("org-a", 80, "worker-a", "worker2-a");
        String from = day.toString().replace("+", "%2B");
        String to = day.plusDays(1).toString().replace("+", "%2B");
        given().urlEncodingEnabled(false).get("/sessions?from=" + from + "&to=" + to).then().statusCode(200)
                .body("total", equalTo(count("select count(*) from session where organisation = 'org-a'"
                        + " and starts_at >= ?1 and starts_at < ?2", day, day.plusDays(1))))
                .body("items.id", hasItem(id));
        UUID invitee = QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                "select young_person_id from invitation where session_id = ?1").setParameter(1, UUID.fromString(id))
                .getSingleResult());
        given().get("/sessions?youngPersonId=" + invitee).then().statusCode(200).body("total", equalTo(1));
        given().urlEncodingEnabled(false).get("/sessions?from=" + from + "&facilitator=worker2-a").then()
                .statusCode(200).body("total", equalTo(count("""
                        select count(*) from session s where s.organisation = 'org-a' and s.starts_at >= ?1
                        and exists (select 1 from session_facilitator f where f.session_id = s.id and f.user_name = ?2)
                        """, day, "worker2-a")));
    }

    @Test
    void anOrganisationsOneToOneRequestTotalIsItsNumberOfRequests() {
        UUID youngPerson = Fixtures.consentedYoungPerson("org-a", ConsentScope.ONE_TO_ONE_SESSIONS,
                Platform.TEAMS);
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").body("{\"youngPersonId\":\"" + youngPerson + "\"}")
                    .post("/one-to-one-requests").then().statusCode(201);
        }
        String sql = "select count(*) from one_to_one_request where organisation = 'org-a'";
        given().get("/one-to-one-requests").then().statusCode(200).body("total", equalTo(count(sql)));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                delete from one_to_one_request where id = (select id from one_to_one_request
                where young_person_id = ?1 and session_id is null limit 1)""").setParameter(1, youngPerson).executeUpdate());
        given().get("/one-to-one-requests").then().statusCode(200).body("total", equalTo(count(sql)));
        assertEquals(rows("select organisation, count(*) from one_to_one_request group by 1 order by 1"),
                rows("select organisation, requests from one_to_one_request_count where requests <> 0 order by 1"));
    }

    private String booked(String organisation, int daysAhead, String... facilitators) {
        return QuarkusTransaction.requiringNew().call(() -> booking.book(organisation, new SessionBooking.Booking(
                SessionKind.GROUP, "Games", Fixtures.workingDayAt(daysAhead, 10), Fixtures.workingDayAt(daysAhead, 11),
                Platform.TEAMS, Set.of(facilitators), Set.copyOf(Fixtures.consentedGroup(organisation, 1, Platform.TEAMS)),
                true, null), "coord-a").id.toString());
    }

    /** Deleted with its rows, as an operator (or bench/lists.sh) would: the service itself never deletes a session. */
    private void deleted(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("invitation", "session_facilitator")) {
                em.createNativeQuery("delete from " + table + " where session_id = ?1")
                        .setParameter(1, UUID.fromString(id)).executeUpdate();
            }
            assertEquals(1, em.createNativeQuery("delete from session where id = ?1")
                    .setParameter(1, UUID.fromString(id)).executeUpdate());
        });
    }

    private int count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).intValue();
        });
    }

    private void coordinatorsTotalIsCounted() {
        int counted = count("select count(*) from session where organisation = 'org-a'");
        assertTrue(counted > 0);
        given().get("/sessions").then().statusCode(200).body("total", equalTo(counted));
    }

    private void facilitatorsTotalIsCounted(String facilitator) {
        int counted = count("""
                select count(*) from session s where s.organisation = 'org-a'
                and exists (select 1 from session_facilitator f where f.session_id = s.id and f.user_name = ?1)
                """, facilitator.toLowerCase());
        given().get("/sessions?facilitator=" + facilitator).then().statusCode(200).body("total", equalTo(counted));
    }

    private void youthWorkersTotalIsCounted() {
        int counted = count("""
                select count(*) from session s where s.organisation = 'org-a'
                and exists (select 1 from session_facilitator f where f.session_id = s.id
                            and (f.user_id = ?1 or (f.user_id is null and f.user_name = 'worker-a')))
                """, DemoStaff.WORKER_A);
        assertTrue(counted > 0);
        given().get("/sessions").then().statusCode(200).body("total", equalTo(counted));
    }

    /** Every kept total, of every organisation and facilitator, is what counting the rows gives. */
    private void assertKeptTotalsAreCounts() {
        assertEquals(rows("select organisation, count(*) from session group by 1 order by 1"),
                rows("select organisation, sessions from session_count where sessions <> 0 order by 1"));
        assertEquals(rows("""
                        select s.organisation, f.user_name, coalesce(f.user_id, ''), count(*)
                        from session_facilitator f join session s on s.id = f.session_id group by 1, 2, 3 order by 1, 2, 3"""),
                rows("select organisation, user_name, user_id, sessions from session_lead_count where sessions <> 0"
                        + " order by 1, 2, 3"));
    }

    private List<List<String>> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> result = em.createNativeQuery(sql).getResultList();
            return result.stream().map(row -> java.util.Arrays.stream((Object[]) row).map(String::valueOf).toList())
                    .toList();
        });
    }
}
