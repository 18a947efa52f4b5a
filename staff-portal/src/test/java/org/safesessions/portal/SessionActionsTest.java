package org.safesessions.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * The session's changes and what happens in it: reschedule, cancel, attendance and early termination send the service
 * what was chosen, come back to the session with a banner, and say a refused rule in plain English at the part of
 * the page it is about. A form without its CSRF token sends nothing; a role the portal or the service refuses is refused.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
class SessionActionsTest {

    static final String SESSION = "55555555-5555-5555-5555-555555555555";
    static final String YP = "22222222-2222-2222-2222-222222222222";

    WireMockServer services;

    @BeforeEach
    void stubs() {
        services.resetAll();
        session("SCHEDULED");
        services.stubFor(get(urlPathEqualTo("/young-people/" + YP)).willReturn(okJson("""
                {"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04"}""".formatted(YP))));
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(okJson("""
                [{"id":"k-1","userName":"coord-a","displayName":"Casey Coordinator"},
                 {"id":"k-2","userName":"worker-a","displayName":"Wren Worker"},
                 {"id":"k-3","userName":"worker2-a","displayName":"Winnie Worker"}]""")));
    }

    void session(String status) {
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION)).willReturn(okJson("""
                {"id":"%s","kind":"GROUP","title":"Art club","platform":"ZOOM","startsAt":"2030-12-03T16:00:00Z",
                 "endsAt":"2030-12-03T17:00:00Z","durationMinutes":60,"status":"%s","startedAt":"2030-12-03T16:01:00Z",
                 "facilitators":["worker-a","worker2-a"],"singleFacilitatorFlag":false,
                 "invitations":[{"youngPersonId":"%s","status":"INVITED","invitationReady":true}],
                 "provisioning":{"state":"READY","attempts":1},
                 "checklist":{"briefingGiven":true,"groundRulesAgreed":false,"groundRulesNeeded":false,"organisationDevices":true,"complete":true}}
                """.formatted(SESSION, status, YP))));
    }

    static void refuses(WireMockServer services, com.github.tomakehurst.wiremock.client.MappingBuilder call, int status, String rule) {
        services.stubFor(call.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"rule\":\"" + rule + "\",\"detail\":\"the service's words\"}")));
    }

    static io.restassured.specification.RequestSpecification withoutCsrf() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded");
    }

    // ---- reschedule

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void rescheduleShowsTheStaffWithTheCurrentFacilitatorsTickedAndSendsTheChange() {
        given().get("/sessions/" + SESSION + "/reschedule").then().statusCode(200)
                .body(containsString("value=\"worker-a\" checked"), containsString("value=\"worker2-a\" checked"),
                        containsString("value=\"coord-a\" aria-describedby"), containsString("Casey Coordinator"));
        services.stubFor(patch(urlPathEqualTo("/sessions/" + SESSION)).willReturn(okJson("{}")));
        Forms form = Forms.from("/sessions/" + SESSION + "/reschedule");
        form.post().formParam("title", "Art club (longer)").formParam("startsAt-day", "4").formParam("startsAt-month", "12")
                .formParam("startsAt-year", "2030").formParam("startsAt-time", "4:30pm").formParam("durationMinutes", "75")
                .formParam("facilitators", "worker-a").formParam("facilitators", "coord-a")
                .post("/sessions/" + SESSION + "/reschedule").then().statusCode(303)
                .header("Location", endsWith("/sessions/" + SESSION + "?done=rescheduled"));
        services.verify(patchRequestedFor(urlPathEqualTo("/sessions/" + SESSION)).withRequestBody(equalToJson("""
                {"title":"Art club (longer)","startsAt":"2030-12-04T16:30Z","durationMinutes":75,"facilitators":["worker-a","coord-a"]}""")));
        given().get("/sessions/" + SESSION + "?done=rescheduled").then().statusCode(200).body(containsString("Session changed"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void rescheduleWithoutTheStaffListKeepsTheCurrentFacilitatorsAndSaysWhy() {
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":503}")));
        given().get("/sessions/" + SESSION + "/reschedule").then().statusCode(200)
                .body(containsString("Your organisation's list of staff cannot be shown right now"),
                        containsString("value=\"worker-a\" checked"), containsString("value=\"worker2-a\" checked"),
                        not(containsString("not in your organisation")), not(containsString("value=\"coord-a\"")));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aFacilitatorWhoIsNoLongerListedStaysOnTheFormToBeUnticked() {
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(okJson("""
                [{"id":"k-2","userName":"worker-a","displayName":"Wren Worker"}]""")));
        given().get("/sessions/" + SESSION + "/reschedule").then().statusCode(200)
                .body(containsString("value=\"worker2-a\" checked"), containsString("worker2-a (not in your organisation's list of staff)"),
                        not(containsString("cannot be shown right now")));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aRescheduleTheServiceRefusesIsSaidAtTheField() {
        refuses(services, patch(urlPathEqualTo("/sessions/" + SESSION)), 422, "session-within-working-hours");
        Forms form = Forms.from("/sessions/" + SESSION + "/reschedule");
        form.post().formParam("title", "Art club").formParam("startsAt-day", "4").formParam("startsAt-month", "12")
                .formParam("startsAt-year", "2030").formParam("startsAt-time", "21:00").formParam("durationMinutes", "60")
                .formParam("facilitators", "worker-a").formParam("facilitators", "worker2-a")
                .post("/sessions/" + SESSION + "/reschedule").then().statusCode(200)
                .body(containsString("There is a problem"),
                        containsString("<a href=\"#startsAt-day\">The session must be within your organisation&#39;s working hours</a>"),
                        containsString("value=\"21:00\""), containsString("value=\"worker2-a\" checked"));
        refuses(services, patch(urlPathEqualTo("/sessions/" + SESSION)), 422, "group-session-needs-two-facilitators");
        form.post().formParam("title", "Art club").formParam("startsAt-day", "4").formParam("startsAt-month", "12")
                .formParam("startsAt-year", "2030").formParam("startsAt-time", "16:00").formParam("durationMinutes", "60")
                .formParam("facilitators", "worker-a")
                .post("/sessions/" + SESSION + "/reschedule").then().statusCode(200)
                .body(containsString("<a href=\"#facilitators\">A group session needs at least 2 facilitators</a>"),
                        containsString("<p id=\"facilitators-error\" class=\"govuk-error-message\">"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aRescheduleWithoutItsCsrfTokenSendsNothing() {
        withoutCsrf().formParam("title", "Art club").formParam("facilitators", "worker-a")
                .post("/sessions/" + SESSION + "/reschedule").then().statusCode(403).body(containsString("This form has expired"));
        services.verify(0, patchRequestedFor(urlPathEqualTo("/sessions/" + SESSION)));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aYouthWorkerCannotRescheduleOrCancel() {
        given().get("/sessions/" + SESSION + "/reschedule").then().statusCode(403).body(containsString("You cannot see this page"));
        given().get("/sessions/" + SESSION + "/cancellation").then().statusCode(403).body(containsString("You cannot see this page"));
        Forms form = Forms.from("/sessions/" + SESSION);
        form.post().formParam("title", "Art club").formParam("startsAt-day", "4").formParam("startsAt-month", "12")
                .formParam("startsAt-year", "2030").formParam("startsAt-time", "16:00").formParam("durationMinutes", "60")
                .post("/sessions/" + SESSION + "/reschedule").then().statusCode(403).body(containsString("You cannot see this page"));
        form.post().post("/sessions/" + SESSION + "/cancellation").then().statusCode(403).body(containsString("You cannot see this page"));
        services.verify(0, patchRequestedFor(urlPathEqualTo("/sessions/" + SESSION)));
        services.verify(0, postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/cancellation")));
    }

    // ---- cancel

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void cancellingAsksTheServiceAndComesBackToTheSession() {
        services.stubFor(post(urlPathEqualTo("/sessions/" + SESSION + "/cancellation")).willReturn(okJson("{}")));
        Forms form = Forms.from("/sessions/" + SESSION + "/cancellation");
        form.post().post("/sessions/" + SESSION + "/cancellation").then().statusCode(303)
                .header("Location", endsWith("/sessions/" + SESSION + "?done=cancelled"));
        services.verify(postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/cancellation"))
                .withHeader("Authorization", matching("Bearer .+")).withoutHeader("Content-Type").withRequestBody(absent()));
        given().get("/sessions/" + SESSION + "?done=cancelled").then().statusCode(200).body(containsString("Session cancelled"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aCancellationTheServiceRefusesIsSaidOnTheConfirmationPage() {
        // the one rule a cancellation can break is a conflict (409): the session has begun, ended or been cancelled
        refuses(services, post(urlPathEqualTo("/sessions/" + SESSION + "/cancellation")), 409, "session-no-longer-changeable");
        Forms form = Forms.from("/sessions/" + SESSION + "/cancellation");
        form.post().post("/sessions/" + SESSION + "/cancellation").then().statusCode(200)
                .body(containsString("There is a problem"),
                        containsString("<a href=\"#cancel\">This session has started, ended or been cancelled, so it can no longer be changed</a>"),
                        containsString("id=\"cancel\""), containsString("Are you sure you want to cancel Art club?"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aCancellationWithoutItsCsrfTokenSendsNothing() {
        withoutCsrf().post("/sessions/" + SESSION + "/cancellation").then().statusCode(403).body(containsString("This form has expired"));
        services.verify(0, postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/cancellation")));
    }

    // ---- attendance

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void attendanceSendsWhoAttendedAndComesBackToTheSession() {
        session("STARTED");
        services.stubFor(post(urlPathEqualTo("/sessions/" + SESSION + "/attendance")).willReturn(okJson("{}")));
        Forms form = Forms.from("/sessions/" + SESSION);
        form.post().formParam("youngPersonId", YP).formParam("attended", "yes")
                .post("/sessions/" + SESSION + "/attendance").then().statusCode(303)
                .header("Location", endsWith("/sessions/" + SESSION + "?done=attendance"));
        form.post().formParam("youngPersonId", YP).formParam("attended", "no")
                .post("/sessions/" + SESSION + "/attendance").then().statusCode(303);
        services.verify(postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/attendance"))
                .withRequestBody(equalToJson("{\"youngPersonId\":\"" + YP + "\",\"attended\":true}")));
        services.verify(postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/attendance"))
                .withRequestBody(equalToJson("{\"youngPersonId\":\"" + YP + "\",\"attended\":false}")));
        given().get("/sessions/" + SESSION + "?done=attendance").then().statusCode(200).body(containsString("Attendance recorded"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void attendanceTheServiceRefusesIsSaidAtTheRegister() {
        session("STARTED");
        refuses(services, post(urlPathEqualTo("/sessions/" + SESSION + "/attendance")), 422, "attendance-for-invited-young-people");
        Forms form = Forms.from("/sessions/" + SESSION);
        form.post().formParam("youngPersonId", YP).formParam("attended", "yes")
                .post("/sessions/" + SESSION + "/attendance").then().statusCode(200)
                .body(containsString("There is a problem"),
                        containsString("<a href=\"#attendance\">Attendance can only be recorded for young people invited to this session</a>"),
                        containsString("<p id=\"attendance-error\" class=\"govuk-error-message\">"),
                        containsString("<table class=\"govuk-table\" id=\"attendance\">"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void attendanceAndTerminationWithoutTheCsrfTokenSendNothing() {
        session("STARTED");
        withoutCsrf().formParam("youngPersonId", YP).formParam("attended", "yes")
                .post("/sessions/" + SESSION + "/attendance").then().statusCode(403).body(containsString("This form has expired"));
        withoutCsrf().formParam("reason", "SAFEGUARDING")
                .post("/sessions/" + SESSION + "/termination").then().statusCode(403).body(containsString("This form has expired"));
        services.verify(0, postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/attendance")));
        services.verify(0, postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/termination")));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
    void attendanceAndTerminationByARoleTheServiceRefusesAreRefused() {
        // the portal leaves these to session-service (youth workers, coordinators, managers): its 403 stands
        session("STARTED");
        services.stubFor(post(urlPathEqualTo("/sessions/" + SESSION + "/attendance")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        services.stubFor(post(urlPathEqualTo("/sessions/" + SESSION + "/termination")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        Forms form = Forms.from("/sessions/" + SESSION);
        form.post().formParam("youngPersonId", YP).formParam("attended", "yes")
                .post("/sessions/" + SESSION + "/attendance").then().statusCode(403).body(containsString("You cannot see this page"));
        form.post().formParam("reason", "SAFEGUARDING")
                .post("/sessions/" + SESSION + "/termination").then().statusCode(403).body(containsString("You cannot see this page"));
    }

    // ---- early termination

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void endingEarlySendsTheReasonAndTheYoungPersonAndComesBackToTheSession() {
        session("STARTED");
        services.stubFor(post(urlPathEqualTo("/sessions/" + SESSION + "/termination")).willReturn(okJson("{}")));
        Forms form = Forms.from("/sessions/" + SESSION);
        form.post().formParam("reason", "SAFEGUARDING").formParam("youngPersonId", YP)
                .post("/sessions/" + SESSION + "/termination").then().statusCode(303)
                .header("Location", endsWith("/sessions/" + SESSION + "?done=terminated"));
        form.post().formParam("reason", "TECHNICAL").formParam("youngPersonId", "")
                .post("/sessions/" + SESSION + "/termination").then().statusCode(303);
        services.verify(postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/termination"))
                .withRequestBody(equalToJson("{\"reason\":\"SAFEGUARDING\",\"youngPersonId\":\"" + YP + "\"}")));
        services.verify(postRequestedFor(urlPathEqualTo("/sessions/" + SESSION + "/termination"))
                .withRequestBody(equalToJson("{\"reason\":\"TECHNICAL\",\"youngPersonId\":null}")));
        given().get("/sessions/" + SESSION + "?done=terminated").then().statusCode(200).body(containsString("Session ended early"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void anEarlyEndTheServiceRefusesIsSaidAtTheYoungPerson() {
        session("STARTED");
        refuses(services, post(urlPathEqualTo("/sessions/" + SESSION + "/termination")), 422, "termination-young-person-must-be-invited");
        Forms form = Forms.from("/sessions/" + SESSION);
        form.post().formParam("reason", "ABUSIVE_LANGUAGE").formParam("youngPersonId", "99999999-9999-9999-9999-999999999999")
                .post("/sessions/" + SESSION + "/termination").then().statusCode(200)
                .body(containsString("There is a problem"),
                        containsString("<a href=\"#termination-young-person\">Choose a young person who was invited to this session</a>"),
                        containsString("<p id=\"termination-young-person-error\" class=\"govuk-error-message\">"));
    }
}
