package org.safesessions.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * The manager's session policy and approved platforms: the policy as session-service holds it, the edit form sending
 * the whole policy, session-service's 400s as an error summary at each field, each platform with who assessed it and
 * when its review is due (an overdue review highlighted), assess and withdraw; CSRF on every form; other staff read
 * the policy without the forms and cannot open them.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "manager-a", roles = "manager")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"),
        @Claim(key = "name", value = "Morgan Manager")})
class PolicyPagesTest {

    WireMockServer services;

    static final String POLICY = """
            {"minGroupFacilitators":2,"maxGroupSize":12,"workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
             "workingDayStarts":"09:00:00","workingDayEnds":"18:00:00","timeZone":"Europe/London","maxLengthMinutes":90,
             "updatedAt":"2026-11-20T10:00:00Z","updatedBy":"manager-a",
             "platforms":[{"platform":"ZOOM","assessedBy":"Online safety lead","assessedOn":"2026-01-10","reviewDue":"2027-01-10","approved":true},
                          {"platform":"TEAMS","assessedBy":"Pat <Assessor>","assessedOn":"2025-01-10","reviewDue":"2026-01-10","approved":false}]}""";

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/policy")).willReturn(okJson(POLICY)));
    }

    @Test
    void thePolicyAndEachPlatformWithWhoAssessedItAndWhenItsReviewIsDue() {
        String page = given().get("/policy").then().statusCode(200)
                .body(containsString("At least 2"), containsString("12 young people"),
                        containsString("Monday, Tuesday, Wednesday, Thursday, Friday, 09:00 to 18:00 (Europe/London)"),
                        containsString("90 minutes"), containsString("Online safety lead"), containsString("10 January 2027"),
                        containsString("Pat &lt;Assessor&gt;"), containsString("href=\"/policy/edit\""),
                        containsString("href=\"/policy/platforms/GOOGLE_MEET\""))
                .extract().asString();
        // the overdue review is highlighted, the approved one is not
        org.junit.jupiter.api.Assertions.assertTrue(page.matches("(?s).*portal-row--overdue\">\\s*<th scope=\"row\" class=\"govuk-table__header\">Microsoft Teams</th>.*"), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("Review overdue"));
        org.junit.jupiter.api.Assertions.assertFalse(page.matches("(?s).*portal-row--overdue\">\\s*<th scope=\"row\" class=\"govuk-table__header\">Zoom</th>.*"));
    }

    @Test
    void theEditFormSendsTheWholePolicyAsTyped() {
        services.stubFor(put(urlPathEqualTo("/policy")).willReturn(okJson(POLICY)));
        given().get("/policy/edit").then().statusCode(200)
                .body(containsString("value=\"09:00\""), containsString("id=\"workingDays-MONDAY\" name=\"workingDays\" type=\"checkbox\" value=\"MONDAY\" checked"),
                        not(containsString("value=\"SATURDAY\" checked")));
        Forms form = Forms.from("/policy/edit");
        form.post().formParam("minGroupFacilitators", "3").formParam("maxGroupSize", "10")
                .formParam("workingDays", "MONDAY").formParam("workingDays", "SATURDAY")
                .formParam("workingDayStarts", "10:00").formParam("workingDayEnds", "8pm")
                .formParam("timeZone", " Europe/London ").formParam("maxLengthMinutes", "60")
                .post("/policy/edit").then().statusCode(303).header("Location", endsWith("/policy?done=policy"));
        services.verify(putRequestedFor(urlPathEqualTo("/policy")).withRequestBody(equalToJson("""
                {"minGroupFacilitators":3,"maxGroupSize":10,"workingDays":["MONDAY","SATURDAY"],"workingDayStarts":"10:00",
                 "workingDayEnds":"20:00","timeZone":"Europe/London","maxLengthMinutes":60}""")));
        given().get("/policy?done=policy").then().body(containsString("Session policy saved"));
    }

    @Test
    void theServicesFieldErrorsAreAnErrorSummaryLinkedToEachField() {
        services.stubFor(put(urlPathEqualTo("/policy")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"title":"Bad Request","errors":[{"field":"minGroupFacilitators","message":"must be at least 2 (the seeds' minimum)"},
                         {"field":"timeZoneKnown","message":"must be a time zone id such as Europe/London"}]}""")));
        Forms form = Forms.from("/policy/edit");
        form.post().formParam("minGroupFacilitators", "1").formParam("maxGroupSize", "12").formParam("workingDays", "MONDAY")
                .formParam("workingDayStarts", "09:00").formParam("workingDayEnds", "18:00").formParam("timeZone", "Mars/Olympus")
                .formParam("maxLengthMinutes", "90")
                .post("/policy/edit").then().statusCode(200)
                .body(containsString("govuk-error-summary"),
                        containsString("<a href=\"#minGroupFacilitators\">Facilitators for a group session must be at least 2 (the seeds&#39; minimum)</a>"),
                        containsString("<a href=\"#timeZone\">Time zone must be a time zone id such as Europe/London</a>"),
                        containsString("id=\"timeZone-error\""), containsString("value=\"Mars/Olympus\""),
                        containsString("<title>Error: "));
    }

    @Test
    void whatIsNotANumberOrATimeIsSaidByThePortalAndNothingIsSent() {
        Forms form = Forms.from("/policy/edit");
        form.post().formParam("minGroupFacilitators", "two").formParam("maxGroupSize", "12").formParam("workingDays", "MONDAY")
                .formParam("workingDayStarts", "nine").formParam("workingDayEnds", "18:00").formParam("timeZone", "Europe/London")
                .formParam("maxLengthMinutes", "90")
                .post("/policy/edit").then().statusCode(200)
                .body(containsString("Facilitators for a group session must be a whole number"),
                        containsString("Working day starts must be a time, for example 09:00"));
        services.verify(0, putRequestedFor(urlPathEqualTo("/policy")));
    }

    @Test
    void assessingAPlatformSendsWhoWhenAndTheReviewDate() {
        services.stubFor(put(urlPathEqualTo("/policy/platforms/GOOGLE_MEET")).willReturn(okJson("""
                {"platform":"GOOGLE_MEET","assessedBy":"Morgan Manager","assessedOn":"2026-12-01","reviewDue":"2027-12-01","approved":true}""")));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        given().get("/policy/platforms/GOOGLE_MEET").then().statusCode(200)
                .body(containsString("Record a risk assessment"), containsString("value=\"Morgan Manager\""),
                        containsString("name=\"reviewDue-year\" type=\"text\" inputmode=\"numeric\" value=\"" + today.plusYears(1).getYear() + "\""),
                        not(containsString("Withdraw approval")));
        Forms form = Forms.from("/policy/platforms/GOOGLE_MEET");
        form.post().formParam("assessedBy", "Morgan Manager").formParam("assessedOn-day", "1").formParam("assessedOn-month", "12")
                .formParam("assessedOn-year", "2026").formParam("reviewDue-day", "1").formParam("reviewDue-month", "12")
                .formParam("reviewDue-year", "2027")
                .post("/policy/platforms/GOOGLE_MEET").then().statusCode(303).header("Location", endsWith("/policy?done=assessed"));
        services.verify(putRequestedFor(urlPathEqualTo("/policy/platforms/GOOGLE_MEET")).withRequestBody(equalToJson("""
                {"assessedBy":"Morgan Manager","assessedOn":"2026-12-01","reviewDue":"2027-12-01"}""")));
    }

    @Test
    void aReviewBeforeTheAssessmentIsRefusedByTheServiceAndSaidAtTheReviewDate() {
        services.stubFor(put(urlPathEqualTo("/policy/platforms/ZOOM")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"errors":[{"field":"reviewAfterAssessment","message":"the review must fall after the assessment"}]}""")));
        Forms form = Forms.from("/policy/platforms/ZOOM");
        form.post().formParam("assessedBy", "Lead").formParam("assessedOn-day", "1").formParam("assessedOn-month", "12")
                .formParam("assessedOn-year", "2026").formParam("reviewDue-day", "1").formParam("reviewDue-month", "1")
                .formParam("reviewDue-year", "2026")
                .post("/policy/platforms/ZOOM").then().statusCode(200)
                .body(containsString("<a href=\"#reviewDue-day\">Review due the review must fall after the assessment</a>"));
    }

    @Test
    void withdrawingAnApprovalDeletesIt() {
        services.stubFor(delete(urlPathEqualTo("/policy/platforms/ZOOM")).willReturn(aResponse().withStatus(204)));
        given().get("/policy/platforms/ZOOM").then().statusCode(200)
                .body(containsString("Last assessed by Online safety lead"), containsString("action=\"/policy/platforms/ZOOM/withdrawal\""));
        Forms.from("/policy/platforms/ZOOM").post().post("/policy/platforms/ZOOM/withdrawal").then().statusCode(303)
                .header("Location", endsWith("/policy?done=withdrawn"));
        services.verify(deleteRequestedFor(urlPathEqualTo("/policy/platforms/ZOOM")));
    }

    @Test
    void everyFormWithoutItsCsrfTokenIs403AndNothingIsSent() {
        String cookie = Forms.from("/policy/edit").cookie();
        for (String path : new String[]{"/policy/edit", "/policy/platforms/ZOOM", "/policy/platforms/ZOOM/withdrawal",
                "/policy/zoom-hosts"}) {
            given().redirects().follow(false).cookie("portal-csrf", cookie).contentType("application/x-www-form-urlencoded")
                    .formParam("minGroupFacilitators", "2").formParam("csrf-token", "forged").post(path).then().statusCode(403)
                    .body(containsString("This form has expired"));
            given().redirects().follow(false).cookie("portal-csrf", cookie).contentType("application/x-www-form-urlencoded")
                    .formParam("minGroupFacilitators", "2").post(path).then().statusCode(403);
        }
        services.verify(0, putRequestedFor(urlPathMatching("/policy.*")));
        services.verify(0, deleteRequestedFor(urlPathMatching("/policy.*")));
    }

    @Test
    void theZoomHostsAreListedWithTheDriftedOnesSetAsideAndTheManagerSavesThemOnePerLine() {
        services.stubFor(get(urlPathEqualTo("/policy/zoom-hosts")).willReturn(okJson("""
                {"hosts":["host-one@charity.example","host-two@charity.example"],"defaults":false,
                 "drifted":[{"host":"host-two@charity.example","settings":["in_meeting.private_chat"],
                             "sessionId":"55555555-5555-5555-5555-555555555555","detectedAt":"2026-12-02T10:00:00Z"}]}""")));
        services.stubFor(put(urlPathEqualTo("/policy/zoom-hosts")).willReturn(okJson("""
                {"hosts":["host-one@charity.example","host-three@charity.example"],"defaults":false,"drifted":[]}""")));
        given().get("/policy").then().statusCode(200)
                .body(containsString("id=\"zoom-hosts\""), containsString("host-one@charity.example"),
                        containsString("1 host is set aside because their safety settings changed"),
                        containsString("in_meeting.private_chat"), containsString("href=\"/policy/zoom-hosts\""));
        given().get("/policy/zoom-hosts").then().statusCode(200)
                .body(containsString("host-one@charity.example\nhost-two@charity.example"));
        Forms.from("/policy/zoom-hosts").post().formParam("hosts", " host-one@charity.example\r\n\r\nhost-three@charity.example \n")
                .post("/policy/zoom-hosts").then().statusCode(303).header("Location", containsString("/policy?done=zoom-hosts"));
        services.verify(putRequestedFor(urlPathEqualTo("/policy/zoom-hosts")).withRequestBody(equalToJson("""
                {"hosts":["host-one@charity.example","host-three@charity.example"]}""")));
    }

    @Test
    void aZoomHostTheServiceRefusesIsSaidAtTheFieldAndNoneIsAnErrorBeforeSending() {
        services.stubFor(get(urlPathEqualTo("/policy/zoom-hosts")).willReturn(okJson("{\"hosts\":[\"me\"],\"defaults\":true,\"drifted\":[]}")));
        services.stubFor(put(urlPathEqualTo("/policy/zoom-hosts")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"errors":[{"field":"hosts[0]","message":"must be a Zoom user id or email address"}]}""")));
        Forms.from("/policy/zoom-hosts").post().formParam("hosts", "not a host!").post("/policy/zoom-hosts").then()
                .statusCode(200).body(containsString("href=\"#hosts\""), containsString("must be a Zoom user id or email address"));
        Forms.from("/policy/zoom-hosts").post().formParam("hosts", "  \n ").post("/policy/zoom-hosts").then()
                .statusCode(200).body(containsString("Enter at least one Zoom host user"));
        services.verify(1, putRequestedFor(urlPathEqualTo("/policy/zoom-hosts")));
    }

    @Test
    void aZoomHostWhoseSafetySettingsZoomDidNotKeepIsNamedAtTheFieldAndThePoolStays() {
        services.stubFor(get(urlPathEqualTo("/policy/zoom-hosts")).willReturn(okJson("{\"hosts\":[\"host-one@charity.example\"],\"defaults\":false,\"drifted\":[]}")));
        services.stubFor(put(urlPathEqualTo("/policy/zoom-hosts")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":422,"rule":"zoom-host-safety-settings-must-hold",
                         "detail":"hosts[1]: its settings read back differently from the safe ones: in_meeting.private_chat"}""")));
        Forms.from("/policy/zoom-hosts").post().formParam("hosts", "host-one@charity.example\nhost-new@charity.example")
                .post("/policy/zoom-hosts").then().statusCode(200)
                .body(containsString("href=\"#hosts\""),
                        containsString("Zoom did not keep every safety setting for host-new@charity.example"),
                        containsString("in_meeting.private_chat"),
                        containsString("host-one@charity.example\nhost-new@charity.example"));
    }

    @Test
    void anUnknownPlatformIsNotFoundAndNeverSent() {
        given().get("/policy/platforms/MYSPACE").then().statusCode(404);
        services.verify(0, getRequestedFor(urlPathMatching("/policy/platforms.*")));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void otherStaffReadThePolicyWithoutTheFormsAndCannotOpenThem() {
        given().get("/policy").then().statusCode(200)
                .body(containsString("At least 2"), not(containsString("href=\"/policy/edit\"")), not(containsString("Assess again")));
        given().get("/policy/edit").then().statusCode(403);
        given().get("/policy/platforms/ZOOM").then().statusCode(403);
        given().get("/policy/zoom-hosts").then().statusCode(403);
        given().get("/manage").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aYouthWorkerCannotSendThePolicy() {
        Forms.from("/concerns/new").post().formParam("minGroupFacilitators", "2").post("/policy/edit").then().statusCode(403);
        services.verify(0, putRequestedFor(urlPathEqualTo("/policy")));
    }

    @Test
    void theServiceDownIsAClearPageAndAnotherOrganisationsAnswerIsTheServicesOwn() {
        services.stubFor(get(urlPathEqualTo("/policy")).willReturn(aResponse().withStatus(503)));
        given().get("/policy").then().statusCode(503).body(containsString("sessions"), not(containsString("Exception")));
        services.stubFor(get(urlPathEqualTo("/policy")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        given().get("/policy").then().statusCode(404);
    }

    @Test
    void theManagersPagesAreListedForManagers() {
        given().get("/manage").then().statusCode(200)
                .body(containsString("href=\"/policy\""), containsString("href=\"/templates\""), containsString("href=\"/staff\""),
                        containsString("href=\"/deliveries\""), containsString("href=\"/reports/attendance\""),
                        containsString("href=\"/reports/charts\""), containsString("href=\"/manage\" aria-current=\"page\""));
    }
}
