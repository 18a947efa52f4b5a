package org.safesessions.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * Reports: the attendance report of a period (the table, facilitators by display name, the CSV passed on as
 * session-service writes it) and the charts, drawn on the server as accessible SVG (role="img", title and
 * description, the numbers as a table), from the services' statistics endpoints: aggregates only, never a child's name.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "manager-a", roles = "manager")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
class ReportPagesTest {

    static final String SESSION = "55555555-5555-5555-5555-555555555555";
    static final String CSV = "sessionId,kind,platform\r\n" + SESSION + ",GROUP,ZOOM\r\n";

    WireMockServer services;

    static String session(String startsAt, boolean held, int invited, int attended) {
        return """
                {"sessionId":"%s","kind":"GROUP","platform":"ZOOM","startsAt":"%s","endsAt":"%s","status":"%s","startedAt":%s,
                 "endedAt":null,"terminationReason":null,"facilitators":["worker-a","worker2-a"],"invited":%d,"youngPeopleAttended":%d,
                 "unknownParticipants":0,"attendance":[{"youngPersonId":"22222222-2222-2222-2222-222222222222","unknownParticipant":false,"attended":true,"source":"MANUAL"}]}"""
                .formatted(SESSION, startsAt, startsAt, held ? "ENDED" : "SCHEDULED", held ? "\"" + startsAt + "\"" : "null", invited, attended);
    }

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** safeguarding-service's statistics for [from, to] (whole months), as {@code ConcernStatistics.Statistics} writes them. */
    static String concernStatistics(YearMonth from, YearMonth to, int concerns, String acknowledgement, String council, String... months) {
        return """
                {"organisation":"org-a","from":"%s","to":"%s","zone":"Europe/London","concerns":%d,"months":[%s],
                 "acknowledgement":%s,"councilResponses":%s}""".formatted(from.atDay(1), to.atEndOfMonth(),
                concerns,
                String.join(",", months), acknowledgement, council);
    }

    static String month(YearMonth m, int concerns, String byCategory, String byRisk) {
        return """
                {"month":"%s","concerns":%d,"byCategory":{"BULLYING":0,%s},"byRisk":{%s}}""".formatted(m, concerns, byCategory, byRisk);
    }

    static String acknowledgement(int acknowledged, String p50, String p90, int immediate, int within, int notYetDue, String share) {
        return """
                {"acknowledged":%d,"p50Minutes":%s,"p90Minutes":%s,"immediateDanger":{"concerns":%d,"acknowledgedWithinClock":%d,
                 "notYetDue":%d,"shareWithinClock":%s,"clockMinutes":15}}""".formatted(acknowledged, p50, p90, immediate, within, notYetDue, share);
    }

    static String council(int referrals, int responded, String p50, String p90) {
        return """
                {"referrals":%d,"responded":%d,"p50Minutes":%s,"p90Minutes":%s}""".formatted(referrals, responded, p50, p90);
    }

    static final String NO_RISK = "\"IMMEDIATE_DANGER\":0,\"HIGH\":0,\"MEDIUM\":0,\"LOW\":0";

    /** session-service's statistics for [from, to], exactly as {@code GET /sessions/statistics} writes them. */
    static String sessionStatistics(YearMonth from, YearMonth to, String... months) {
        return """
                {"organisation":"org-a","from":"%s","to":"%s","zone":"Europe/London","sessionsHeld":5,"youngPeopleReached":7,
                 "invited":6,"attended":3,"attendanceRate":0.5,"months":[%s]}""".formatted(from.atDay(1), to.atEndOfMonth(), String.join(",", months));
    }

    static String sessionMonth(YearMonth m, int held, int group, int oneToOnes, int reached, int invited, int attended, String rate) {
        return """
                {"month":"%s","sessionsHeld":%d,"groupSessions":%d,"oneToOnes":%d,"youngPeopleReached":%d,"invited":%d,"attended":%d,
                 "attendanceRate":%s}""".formatted(m, held, group, oneToOnes, reached, invited, attended, rate);
    }

    /**
     * The default six months: last month two concerns (an immediate danger acknowledged within its clock, a low one;
     * cyberbullying twice, sexting once) and a referral answered in 2½ hours; this month an immediate danger whose clock
     * still runs (self harm). Sessions: three last month, two this month.
     */
    void stubStatistics() {
        YearMonth now = YearMonth.now(LONDON);
        YearMonth first = now.minusMonths(5);
        YearMonth last = now.minusMonths(1);
        java.util.List<String> months = new java.util.ArrayList<>();
        java.util.List<String> sessionMonths = new java.util.ArrayList<>();
        for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
            String month;
            String ack;
            String referred;
            if (m.equals(last)) {
                month = month(m, 2, "\"CYBERBULLYING\":2,\"SEXTING\":1,\"SELF_HARM\":0", "\"IMMEDIATE_DANGER\":1,\"HIGH\":0,\"MEDIUM\":0,\"LOW\":1");
                ack = acknowledgement(2, "6.5", "40.0", 1, 1, 0, "1.0");
                referred = council(1, 1, "150.0", "150.0");
                sessionMonths.add(sessionMonth(m, 3, 2, 1, 5, 4, 3, "0.75"));
            } else if (m.equals(now)) {
                month = month(m, 1, "\"CYBERBULLYING\":0,\"SEXTING\":0,\"SELF_HARM\":1", "\"IMMEDIATE_DANGER\":1,\"HIGH\":0,\"MEDIUM\":0,\"LOW\":0");
                ack = acknowledgement(0, "null", "null", 1, 0, 1, "null");
                referred = council(0, 0, "null", "null");
                sessionMonths.add(sessionMonth(m, 2, 2, 0, 2, 2, 0, "0.0"));
            } else {
                month = month(m, 0, "\"CYBERBULLYING\":0,\"SEXTING\":0,\"SELF_HARM\":0", NO_RISK);
                ack = acknowledgement(0, "null", "null", 0, 0, 0, "null");
                referred = council(0, 0, "null", "null");
                sessionMonths.add(sessionMonth(m, 0, 0, 0, 0, 0, 0, "null"));
            }
            months.add(month);
            services.stubFor(get(urlPathEqualTo("/statistics")).withQueryParam("from", equalTo(m.atDay(1).toString()))
                    .withQueryParam("to", equalTo(m.atEndOfMonth().toString())).willReturn(okJson(concernStatistics(m, m, m.equals(last) ? 2 : m.equals(now) ? 1 : 0, ack, referred, month))));
        }
        services.stubFor(get(urlPathEqualTo("/statistics")).withQueryParam("from", equalTo(first.atDay(1).toString()))
                .withQueryParam("to", equalTo(now.atEndOfMonth().toString())).willReturn(okJson(concernStatistics(first, now, 3,
                        acknowledgement(2, "6.5", "40.0", 2, 1, 1, "1.0"), council(1, 1, "150.0", "150.0"), months.toArray(String[]::new)))));
        services.stubFor(get(urlPathEqualTo("/sessions/statistics")).willReturn(okJson(
                sessionStatistics(first, now, sessionMonths.toArray(String[]::new)))));
    }

    @BeforeEach
    void stubs() {
        services.resetAll();
        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2).withNano(0).toString();
        String lastMonth = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(1).withDayOfMonth(10).withNano(0).toString();
        services.stubFor(get(urlPathEqualTo("/reports/attendance")).willReturn(okJson("[" + session(now, true, 4, 3) + ","
                + session(lastMonth, false, 2, 0) + "]")));
        services.stubFor(get(urlPathEqualTo("/reports/attendance")).withHeader("Accept", equalTo("text/csv"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody(CSV)));
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(okJson(BookingFacilitatorsTest.STAFF)));
        stubStatistics();
    }

    @Test
    void theAttendanceReportIsATableOfThePeriodWithFacilitatorsByDisplayName() {
        given().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").get("/reports/attendance").then().statusCode(200)
                .body(containsString("2 sessions, 1 November 2026 to 30 November 2026"), containsString("Wren Worker, Winnie Worker"),
                        containsString("href=\"/reports/attendance.csv?from=2026-11-01&amp;to=2026-11-30\""),
                        containsString("href=\"/sessions/" + SESSION + "\""));
        // whole UK days: [1 November 00:00, 1 December 00:00)
        services.verify(getRequestedFor(urlPathEqualTo("/reports/attendance"))
                .withQueryParam("from", equalTo("2026-11-01T00:00Z")).withQueryParam("to", equalTo("2026-12-01T00:00Z")));
    }

    @Test
    void theCsvIsSessionServicesOwnPassedOnAsADownload() {
        given().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").get("/reports/attendance.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("attendance-2026-11-01-to-2026-11-30.csv"))
                .body(org.hamcrest.Matchers.equalTo(CSV));
        services.verify(getRequestedFor(urlPathEqualTo("/reports/attendance")).withHeader("Accept", equalTo("text/csv"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void aPeriodThatIsNotOneIsSaidAtItsFieldAndNothingIsAsked() {
        given().queryParam("from", "1 November").queryParam("to", "2026-11-30").get("/reports/attendance").then().statusCode(200)
                .body(containsString("<a href=\"#from\">From must be a date"), not(containsString("Download this report")));
        given().queryParam("from", "2026-11-30").queryParam("to", "2026-11-01").get("/reports/attendance").then().statusCode(200)
                .body(containsString("To must be the same as or after From"));
        given().queryParam("from", "2025-01-01").queryParam("to", "2026-11-01").get("/reports/attendance").then().statusCode(200)
                .body(containsString("The report covers at most a year at a time"));
        services.verify(0, getRequestedFor(urlPathEqualTo("/reports/attendance")));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void sessionServicesRefusalOfAYouthWorkerIsTheCannotSeePage() {
        services.stubFor(get(urlPathEqualTo("/reports/attendance")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        given().get("/reports/attendance").then().statusCode(403);
        given().get("/reports/attendance.csv").then().statusCode(403);
        given().get("/reports/charts").then().statusCode(403);
    }

    @Test
    void theChartsAreAccessibleSvgWithTheirNumbersAsATable() {
        YearMonth now = YearMonth.now(LONDON);
        String thisMonth = now.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK));
        String page = given().get("/reports/charts").then().statusCode(200)
                .body(containsString("<svg class=\"portal-chart__svg\" role=\"img\" aria-labelledby=\"risk-chart-title risk-chart-desc\""),
                        containsString("<title id=\"risk-chart-title\">Concerns raised per month, by risk</title>"),
                        containsString("<desc id=\"risk-chart-desc\">3 concerns raised from "),
                        containsString("Immediate danger: 2, High: 0, Medium: 0, Low: 1."),
                        containsString("Cyberbullying: 2"), containsString("Self harm: 1"), containsString("Sexting: 1"),
                        not(containsString("Bullying: 0")), // never raised: not a series
                        containsString("acknowledgement-chart"), containsString("attendance-chart"), containsString("sessions-chart"),
                        containsString("Concerns raised per month, by risk: the numbers"),
                        containsString("<th scope=\"row\" class=\"govuk-table__header\">" + thisMonth + "</th>"),
                        not(containsString("onclick")))
                .extract().asString();
        // aggregates only: no reference, no id, no name of anyone
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("SG-1"));
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("22222222-2222"));
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("Wren Worker"));
        // six months by default, whole days of Europe/London, read as the user: the period, then each month for its percentiles
        YearMonth first = now.minusMonths(5);
        services.verify(getRequestedFor(urlPathEqualTo("/statistics")).withQueryParam("from", equalTo(first.atDay(1).toString()))
                .withQueryParam("to", equalTo(now.atEndOfMonth().toString())).withHeader("Authorization", matching("Bearer .+")));
        services.verify(7, getRequestedFor(urlPathEqualTo("/statistics")));
        services.verify(getRequestedFor(urlPathEqualTo("/sessions/statistics")).withQueryParam("from", equalTo(first.atDay(1).toString()))
                .withQueryParam("to", equalTo(now.atEndOfMonth().toString())));
        services.verify(0, getRequestedFor(urlPathEqualTo("/concerns")));
        services.verify(0, getRequestedFor(urlPathEqualTo("/reports/attendance")));
    }

    @Test
    void timeToAcknowledgeIsTheServicesPercentilesAndShareWithinTheClock() {
        String lastMonth = YearMonth.now(LONDON).minusMonths(1).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK));
        given().get("/reports/charts").then().statusCode(200)
                .body(containsString("Immediate dangers per month, against the 15-minute acknowledgement clock"),
                        containsString("2 immediate dangers raised from "),
                        containsString("Acknowledged within 15 minutes: 1, Not acknowledged within 15 minutes: 0, Waiting, within the clock: 1."),
                        containsString("Share acknowledged within the clock: 100%."),
                        containsString("Time to acknowledge: the figures"),
                        containsString("<th scope=\"row\" class=\"govuk-table__header\">" + lastMonth + "</th>\n"
                                + "    <td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>\n"
                                + "    <td class=\"govuk-table__cell govuk-table__cell--numeric\">6.5 minutes</td>\n"
                                + "    <td class=\"govuk-table__cell govuk-table__cell--numeric\">40 minutes</td>"),
                        containsString("<th scope=\"row\" class=\"govuk-table__header\">Whole period</th>"),
                        containsString("No figure yet"));
    }

    @Test
    void councilResponseTimesAreTheServicesFigures() {
        given().get("/reports/charts").then().statusCode(200)
                .body(containsString("Council response times: the figures"),
                        containsString("<td class=\"govuk-table__cell govuk-table__cell--numeric\">2 hours 30 minutes</td>"));
    }

    @Test
    void sessionsHeldAndAttendanceAreSessionServicesFigures() {
        given().get("/reports/charts").then().statusCode(200)
                .body(containsString("<desc id=\"sessions-chart-desc\">5 sessions held from "),
                        containsString("reaching 7 young people. Group sessions: 4, One-to-ones: 1."),
                        containsString("Attended: 3, Invited, did not attend: 3. Attendance rate: 50%."),
                        containsString("Sessions and attendance: the figures"),
                        containsString("<td class=\"govuk-table__cell govuk-table__cell--numeric\">75%</td>"));
    }

    @Test
    void aPeriodOfMonthsThatIsNotOneIsSaidAtItsField() {
        given().queryParam("from", "July").get("/reports/charts").then().statusCode(200)
                .body(containsString("<a href=\"#from\">From must be a month"), not(containsString("<svg class=\"portal-chart__svg\"")));
        given().queryParam("from", "2026-01").queryParam("to", "2027-01").get("/reports/charts").then().statusCode(200)
                .body(containsString("The charts cover at most 12 months at a time"));
        services.verify(0, getRequestedFor(urlPathEqualTo("/statistics")));
        services.verify(0, getRequestedFor(urlPathEqualTo("/sessions/statistics")));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void theChartsAreTheManagers() {
        given().get("/reports/charts").then().statusCode(403);
        services.verify(0, getRequestedFor(urlPathEqualTo("/statistics")));
    }

    @Test
    void withSafeguardingDownOnlyItsChartsSaySo() {
        services.stubFor(get(urlPathEqualTo("/statistics")).willReturn(aResponse().withStatus(503)));
        given().get("/reports/charts").then().statusCode(200)
                .body(containsString("Figures about concerns cannot be shown right now"), not(containsString("risk-chart")),
                        containsString("sessions-chart"), containsString("attendance-chart"));
    }

    @Test
    void aServiceThatRefusesItsStatisticsLeavesOnlyItsChartsSayingSo() {
        services.stubFor(get(urlPathEqualTo("/sessions/statistics")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        given().get("/reports/charts").then().statusCode(200)
                .body(containsString("Your role cannot see figures about sessions."), not(containsString("sessions-chart")),
                        containsString("risk-chart"), containsString("acknowledgement-chart"));
        services.stubFor(get(urlPathEqualTo("/sessions/statistics")).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().get("/reports/charts").then().statusCode(200)
                .body(containsString("Figures about sessions cannot be shown right now"), containsString("risk-chart"));
    }

    @Test
    void aServiceWithoutItsStatisticsEndpointLeavesOnlyItsChartsSayingSo() {
        services.stubFor(get(urlPathEqualTo("/sessions/statistics")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        given().get("/reports/charts").then().statusCode(200)
                .body(containsString("Figures about sessions cannot be shown right now"), containsString("risk-chart"));
        // a session-service older than its statistics reads "statistics" as a session id: 400
        services.stubFor(get(urlPathEqualTo("/sessions/statistics")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":400}")));
        given().get("/reports/charts").then().statusCode(200)
                .body(containsString("Figures about sessions cannot be shown right now"), containsString("risk-chart"));
    }

    @Test
    void anAnswerThePortalCannotReadIsSaidAsUnavailable() {
        services.stubFor(get(urlPathEqualTo("/sessions/statistics")).willReturn(okJson("{\"months\":\"not a list\"}")));
        given().get("/reports/charts").then().statusCode(200)
                .body(containsString("Figures about sessions cannot be shown right now"), containsString("risk-chart"));
    }
}
