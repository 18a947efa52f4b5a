package org.safesessions.safeguarding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.ConcernCategory;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.CouncilDecision;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;
import org.safesessions.safeguarding.application.CouncilReferrals;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.testkit.DemoStaff;
import org.safesessions.testkit.KeycloakResource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Statistics (SPEC §5): aggregates only, per month by category and risk, time to acknowledge and the 15-minute
 * clock, council response times; the concerns each caller's list would show and no others: never an allegation
 * counted to its subject. Each test raises its concerns in a year of its own, so none counts another's.
 */
@QuarkusTest
@TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
class StatisticsTest extends SafeguardingTestStack {

    @Inject
    TestClock clock;

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    @Inject
    CouncilReferrals referrals;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** Raises a concern at {@code at}, as worker-a of {@code org}; an allegation is about {@code staffUser}. */
    private Concern raiseAt(String at, String org, RiskLevel risk, SubjectType subject, String staffUser,
                            ConcernCategory... categories) {
        clock.freezeAt(Instant.parse(at));
        return QuarkusTransaction.requiringNew().call(() -> register.raise(new ConcernRegister.NewConcern(org, subject,
                subject == SubjectType.YOUNG_PERSON ? UUID.randomUUID() : null,
                subject == SubjectType.STAFF_MEMBER ? KeycloakResource.idOf(staffUser) : null,
                subject == SubjectType.STAFF_MEMBER ? StaffDirectory.canonical(staffUser) : null,
                null, null, EnumSet.of(categories[0], categories), risk, "a narrative never counted",
                ConcernSource.STAFF, null, "worker-a")));
    }

    private Concern raiseAt(String at, RiskLevel risk, ConcernCategory... categories) {
        return raiseAt(at, "org-a", risk, SubjectType.YOUNG_PERSON, null, categories);
    }

    private void acknowledgeAfter(Concern c, Duration after) {
        clock.freezeAt(c.raisedAt.toInstant().plus(after));
        workflow.acknowledge(Fixtures.dsl(c.organisation), c.id);
    }

    private static JsonPath statistics(String from, String to) {
        return given().queryParam("from", from).queryParam("to", to).get("/statistics").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void concernsAreCountedPerMonthByCategoryAndRiskInLondonTime() {
        raiseAt("2041-01-10T10:00:00Z", RiskLevel.HIGH, ConcernCategory.BULLYING, ConcernCategory.CYBERBULLYING);
        raiseAt("2041-01-20T10:00:00Z", RiskLevel.LOW, ConcernCategory.BULLYING);
        raiseAt("2041-03-05T10:00:00Z", RiskLevel.IMMEDIATE_DANGER, ConcernCategory.SELF_HARM);
        // 00:30 on 1 April in London (summer time began that morning): April's, outside the period
        raiseAt("2041-03-31T23:30:00Z", RiskLevel.LOW, ConcernCategory.OTHER);
        raiseAt("2040-12-31T23:59:00Z", RiskLevel.LOW, ConcernCategory.OTHER);
        raiseAt("2041-01-15T10:00:00Z", "org-b", RiskLevel.HIGH, SubjectType.YOUNG_PERSON, null, ConcernCategory.BULLYING);

        JsonPath s = statistics("2041-01-01", "2041-03-31");
        assertEquals("org-a", s.getString("organisation"));
        assertEquals("2041-01-01", s.getString("from"));
        assertEquals("2041-03-31", s.getString("to"));
        assertEquals("Europe/London", s.getString("zone"));
        assertEquals(3, s.getInt("concerns"));
        assertEquals(List.of("2041-01", "2041-02", "2041-03"), s.getList("months.month"));
        assertEquals(List.of(2, 0, 1), s.getList("months.concerns"));
        assertEquals(2, s.getInt("months[0].byCategory.BULLYING"));
        assertEquals(1, s.getInt("months[0].byCategory.CYBERBULLYING"));
        assertEquals(0, s.getInt("months[0].byCategory.SELF_HARM"));
        assertEquals(ConcernCategory.values().length, s.getMap("months[0].byCategory").size());
        assertEquals(Map.of("IMMEDIATE_DANGER", 0, "HIGH", 1, "MEDIUM", 0, "LOW", 1), s.getMap("months[0].byRisk"));
        assertEquals(1, s.getInt("months[2].byCategory.SELF_HARM"));
        assertEquals(0, s.getInt("months[2].byCategory.OTHER"));
        assertEquals(1, s.getInt("months[2].byRisk.IMMEDIATE_DANGER"));
        assertEquals(1, statistics("2041-04-01", "2041-04-30").getInt("concerns"));
    }

    @Test
    void statisticsNeverNameAnyoneOrCarryANarrative() {
        raiseAt("2048-02-01T10:00:00Z", RiskLevel.HIGH, ConcernCategory.NEGLECT);
        String body = given().queryParam("from", "2048-01-01").queryParam("to", "2048-12-31").get("/statistics")
                .then().statusCode(200).extract().asString();
        assertFalse(body.contains("worker-a") || body.contains("dsl-a") || body.contains("narrative"), body);
    }

    @Test
    void timeToAcknowledgeHasItsMedianAnd90thPercentileAndTheShareWithinTheImmediateDangerClock() {
        acknowledgeAfter(raiseAt("2042-02-01T10:00:00Z", RiskLevel.IMMEDIATE_DANGER, ConcernCategory.SELF_HARM), Duration.ofMinutes(5));
        acknowledgeAfter(raiseAt("2042-02-02T10:00:00Z", RiskLevel.IMMEDIATE_DANGER, ConcernCategory.SELF_HARM), Duration.ofMinutes(10));
        acknowledgeAfter(raiseAt("2042-02-03T10:00:00Z", RiskLevel.IMMEDIATE_DANGER, ConcernCategory.SELF_HARM), Duration.ofMinutes(20));
        acknowledgeAfter(raiseAt("2042-02-04T10:00:00Z", RiskLevel.LOW, ConcernCategory.OTHER), Duration.ofMinutes(60));
        raiseAt("2042-02-05T10:00:00Z", RiskLevel.IMMEDIATE_DANGER, ConcernCategory.SELF_HARM); // never acknowledged
        raiseAt("2042-02-06T10:00:00Z", RiskLevel.IMMEDIATE_DANGER, ConcernCategory.SELF_HARM); // its clock still runs
        clock.freezeAt(Instant.parse("2042-02-06T10:05:00Z"));

        JsonPath s = statistics("2042-02-01", "2042-02-28");
        assertEquals(6, s.getInt("concerns"));
        assertEquals(4, s.getInt("acknowledgement.acknowledged"));
        assertEquals(10.0, s.getDouble("acknowledgement.p50Minutes")); // nearest rank of 5, 10, 20, 60
        assertEquals(60.0, s.getDouble("acknowledgement.p90Minutes"));
        assertEquals(5, s.getInt("acknowledgement.immediateDanger.concerns"));
        assertEquals(2, s.getInt("acknowledgement.immediateDanger.acknowledgedWithinClock"));
        assertEquals(1, s.getInt("acknowledgement.immediateDanger.notYetDue"));
        assertEquals(0.5, s.getDouble("acknowledgement.immediateDanger.shareWithinClock")); // 2 of the 4 decided
        assertEquals(15, s.getInt("acknowledgement.immediateDanger.clockMinutes"));

        JsonPath none = statistics("2042-03-01", "2042-03-31");
        assertEquals(0, none.getInt("acknowledgement.acknowledged"));
        assertNull(none.get("acknowledgement.p50Minutes"));
        assertNull(none.get("acknowledgement.immediateDanger.shareWithinClock"));
    }

    private void escalateAt(Concern c, String at) {
        clock.freezeAt(Instant.parse(at));
        Fixtures.escalate(workflow, c.organisation, c.id, "E09000024");
    }

    private void councilRespondsAfter(Concern c, String escalatedAt, Duration after, CouncilDecision decision) {
        clock.freezeAt(Instant.parse(escalatedAt).plus(after));
        referrals.respond("E09000024", c.id, new CouncilReferrals.Respond(decision, "LA-REF", OffsetDateTime.now(clock)),
                "council-e09000024");
    }

    @Test
    void councilResponseTimesRunFromEscalationToTheFirstResponse() {
        Concern a = raiseAt("2043-05-01T08:00:00Z", RiskLevel.HIGH, ConcernCategory.NEGLECT);
        escalateAt(a, "2043-05-01T09:00:00Z");
        councilRespondsAfter(a, "2043-05-01T09:00:00Z", Duration.ofHours(2), CouncilDecision.RECEIVED);
        councilRespondsAfter(a, "2043-05-01T09:00:00Z", Duration.ofHours(5), CouncilDecision.ACCEPTED);
        Concern b = raiseAt("2043-05-02T08:00:00Z", RiskLevel.HIGH, ConcernCategory.NEGLECT);
        escalateAt(b, "2043-05-02T09:00:00Z");
        councilRespondsAfter(b, "2043-05-02T09:00:00Z", Duration.ofHours(6), CouncilDecision.NO_FURTHER_ACTION);
        Concern c = raiseAt("2043-05-03T08:00:00Z", RiskLevel.HIGH, ConcernCategory.NEGLECT);
        escalateAt(c, "2043-05-03T09:00:00Z");

        JsonPath s = statistics("2043-05-01", "2043-05-31");
        assertEquals(3, s.getInt("councilResponses.referrals"));
        assertEquals(2, s.getInt("councilResponses.responded"));
        assertEquals(120.0, s.getDouble("councilResponses.p50Minutes"));
        assertEquals(360.0, s.getDouble("councilResponses.p90Minutes"));
    }

    // ---- never an allegation counted to its subject; managers as their list -------------------------------------

    /** A concern about a young person, and allegations about dsl-a (org-a's only DSL), worker2-a and manager-a. */
    private void concernsAndAllegations(int year) {
        raiseAt(year + "-06-01T10:00:00Z", RiskLevel.HIGH, ConcernCategory.BULLYING);
        raiseAt(year + "-06-02T10:00:00Z", "org-a", RiskLevel.HIGH, SubjectType.STAFF_MEMBER, "dsl-a", ConcernCategory.PHYSICAL_ABUSE);
        raiseAt(year + "-06-03T10:00:00Z", "org-a", RiskLevel.HIGH, SubjectType.STAFF_MEMBER, "worker2-a", ConcernCategory.SEXUAL_ABUSE);
        Concern aboutManager = raiseAt(year + "-06-04T10:00:00Z", "org-a", RiskLevel.HIGH, SubjectType.STAFF_MEMBER,
                "manager-a", ConcernCategory.EMOTIONAL_ABUSE);
        escalateAt(aboutManager, year + "-06-05T10:00:00Z");
    }

    @Test
    void anAllegationIsNeverCountedToTheDslItIsAbout() {
        concernsAndAllegations(2044);
        JsonPath s = statistics("2044-06-01", "2044-06-30");
        assertEquals(3, s.getInt("concerns")); // not the allegation about dsl-a
        assertEquals(0, s.getInt("months[0].byCategory.PHYSICAL_ABUSE"));
        assertEquals(1, s.getInt("months[0].byCategory.SEXUAL_ABUSE"));
        assertEquals(1, s.getInt("months[0].byCategory.EMOTIONAL_ABUSE"));
        assertEquals(1, s.getInt("councilResponses.referrals"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"), @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void managersCountWhatTheirListShowsNeverAnAllegationAboutThemselves() {
        concernsAndAllegations(2045);
        JsonPath s = statistics("2045-06-01", "2045-06-30");
        // the young person's concern, and the allegation against the only DSL (which the managers handle);
        // not the one about worker2-a (the DSL handles it), never the one about manager-a
        assertEquals(2, s.getInt("concerns"));
        assertEquals(1, s.getInt("months[0].byCategory.BULLYING"));
        assertEquals(1, s.getInt("months[0].byCategory.PHYSICAL_ABUSE"));
        assertEquals(0, s.getInt("months[0].byCategory.SEXUAL_ABUSE"));
        assertEquals(0, s.getInt("months[0].byCategory.EMOTIONAL_ABUSE"));
        assertEquals(0, s.getInt("councilResponses.referrals"));
        given().get("/concerns?size=200").then().statusCode(200); // the same rule as the list, which still answers
    }

    @Test
    @TestSecurity(user = "dsl-b", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-b"), @Claim(key = "preferred_username", value = "dsl-b"), @Claim(key = "sub", value = DemoStaff.DSL_B)})
    void statisticsAreOfTheCallersOrganisationOnly() {
        raiseAt("2047-03-01T10:00:00Z", RiskLevel.HIGH, ConcernCategory.BULLYING);
        raiseAt("2047-03-02T10:00:00Z", RiskLevel.HIGH, ConcernCategory.BULLYING);
        raiseAt("2047-03-03T10:00:00Z", "org-b", RiskLevel.LOW, SubjectType.YOUNG_PERSON, null, ConcernCategory.OTHER);
        JsonPath s = statistics("2047-03-01", "2047-03-31");
        assertEquals("org-b", s.getString("organisation"));
        assertEquals(1, s.getInt("concerns"));
        assertEquals(1, s.getInt("months[0].byRisk.LOW"));
        assertEquals(0, s.getInt("months[0].byRisk.HIGH"));
    }

    // ---- who may read them, and bad periods -----------------------------------------------------------------------

    @Test
    @TestSecurity
    void statisticsWithoutATokenAre401() {
        given().queryParam("from", "2041-01-01").queryParam("to", "2041-01-31").get("/statistics").then()
                .statusCode(401).contentType("application/problem+json");
    }

    private static void forbidden() {
        given().queryParam("from", "2041-01-01").queryParam("to", "2041-01-31").get("/statistics").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void youthWorkersMayNotReadStatistics() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a"), @Claim(key = "sub", value = DemoStaff.COORD_A)})
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
        request.get("/statistics").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aPeriodNeedsBothDaysInOrderAndAtMost366DaysElse400NamingTheField() {
        badPeriod(null, "2041-01-31", "from");
        badPeriod("2041-01-01", null, "to");
        badPeriod("2041-13-01", "2041-01-31", "from");
        badPeriod("2041-01-01", "31/01/2041", "to");
        badPeriod("2041-02-01", "2041-01-31", "to");
        badPeriod("2041-01-01", "2042-01-02", "to");
        given().get("/statistics").then().statusCode(400).body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("to"));
        given().queryParam("from", "2041-02-01").queryParam("to", "2041-01-31").get("/statistics").then()
                .body("errors.field", not(hasItem("from")));
        statistics("2040-01-01", "2040-12-31"); // a leap year: 366 days, both included
        statistics("2041-01-01", "2041-01-01"); // one day
        given().accept("text/html").queryParam("from", "2041-01-01").queryParam("to", "2041-01-31")
                .get("/statistics").then().statusCode(406).contentType("application/problem+json")
                .body("detail", not(nullValue())).body("status", equalTo(406));
    }
}
