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
 * description, the numbers as a table), counted from the services' lists: aggregates only, never a child's name.
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

    static String concern(String raisedAt, String risk, String status, String... categories) {
        return """
                {"id":"66666666-6666-6666-6666-%012d","reference":"SG-1","subjectType":"YOUNG_PERSON","categories":[%s],"risk":"%s",
                 "status":"%s","source":"STAFF","raisedBy":"worker-a","raisedAt":"%s"}""".formatted(Math.abs(raisedAt.hashCode() % 1000000),
                String.join(",", java.util.Arrays.stream(categories).map(c -> "\"" + c + "\"").toList()), risk, status, raisedAt);
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
        services.stubFor(get(urlPathEqualTo("/concerns")).willReturn(okJson("""
                {"items":[%s,%s,%s],"page":0,"size":200,"total":3}""".formatted(
                concern(now, "IMMEDIATE_DANGER", "RAISED", "SELF_HARM"),
                concern(lastMonth, "IMMEDIATE_DANGER", "ACKNOWLEDGED", "CYBERBULLYING", "SEXTING"),
                concern(lastMonth, "LOW", "CLOSED", "CYBERBULLYING")))));
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
        YearMonth now = YearMonth.now(ZoneId.of("Europe/London"));
        String thisMonth = now.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK));
        String page = given().get("/reports/charts").then().statusCode(200)
                .body(containsString("<svg class=\"portal-chart__svg\" role=\"img\" aria-labelledby=\"risk-chart-title risk-chart-desc\""),
                        containsString("<title id=\"risk-chart-title\">Concerns raised per month, by risk</title>"),
                        containsString("<desc id=\"risk-chart-desc\">3 concerns raised from "),
                        containsString("Immediate danger: 2, High: 0, Medium: 0, Low: 1."),
                        containsString("Cyberbullying: 2"), containsString("Self harm: 1"), containsString("Sexting: 1"),
                        containsString("Waiting, within the clock"), containsString("Acknowledged (how long it took is not in the lists)"),
                        containsString("acknowledgement-chart"), containsString("attendance-chart"),
                        containsString("Concerns raised per month, by risk: the numbers"),
                        containsString("<th scope=\"row\" class=\"govuk-table__header\">" + thisMonth + "</th>"),
                        containsString("Attended: 3, Invited, did not attend: 3."),
                        not(containsString("onclick")))
                .extract().asString();
        // aggregates only: no reference, no id, no name of anyone from the lists
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("SG-1"));
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("22222222-2222"));
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("Wren Worker"));
        // six months by default, read as the user, newest first, stopping at the period's start
        services.verify(getRequestedFor(urlPathEqualTo("/concerns")).withQueryParam("size", equalTo("200")));
        services.verify(getRequestedFor(urlPathEqualTo("/reports/attendance"))
                .withQueryParam("from", matching(now.minusMonths(5) + "-01T00:00.*")));
    }

    @Test
    void aPeriodOfMonthsThatIsNotOneIsSaidAtItsField() {
        given().queryParam("from", "July").get("/reports/charts").then().statusCode(200)
                .body(containsString("<a href=\"#from\">From must be a month"), not(containsString("<svg class=\"portal-chart__svg\"")));
        services.verify(0, getRequestedFor(urlPathEqualTo("/concerns")));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void theChartsAreTheManagers() {
        given().get("/reports/charts").then().statusCode(403);
        services.verify(0, getRequestedFor(urlPathEqualTo("/concerns")));
    }

    @Test
    void withSafeguardingDownTheChartsPageSaysSo() {
        services.stubFor(get(urlPathEqualTo("/concerns")).willReturn(aResponse().withStatus(503)));
        given().get("/reports/charts").then().statusCode(503).body(containsString("safeguarding concerns"));
    }
}
