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

/** Facilitators are ticked from the organisation's staff as session-service lists them (GET /facilitators), never typed. */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
class BookingFacilitatorsTest {

    static final String SESSION = "55555555-5555-5555-5555-555555555555";
    static final String YP = "22222222-2222-2222-2222-222222222222";
    static final String STAFF = """
            [{"id":"k-1","userName":"coord-a","displayName":"Casey Coordinator"},
             {"id":"k-2","userName":"worker-a","displayName":"Wren Worker"},
             {"id":"k-3","userName":"worker2-a","displayName":"Winnie Worker"}]""";

    WireMockServer services;

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("""
                {"items":[{"id":"%s","preferredName":"Alex"}],"page":0,"size":50,"total":1}""".formatted(YP))));
        services.stubFor(get(urlPathEqualTo("/consent-checks")).willReturn(okJson("{\"allowed\":true,\"reasons\":[]}")));
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(okJson(STAFF)));
    }

    static io.restassured.specification.RequestSpecification booking(Forms form) {
        return form.post().formParam("action", "book").formParam("title", "Art club").formParam("startsAt-day", "3")
                .formParam("startsAt-month", "12").formParam("startsAt-year", "2030").formParam("startsAt-time", "16:00")
                .formParam("durationMinutes", "60").formParam("platform", "ZOOM").formParam("invitees", YP);
    }

    @Test
    void theBookingFormListsTheOrganisationsStaffByNameWithTheSignedInUserTicked() {
        given().get("/sessions/new").then().statusCode(200)
                .body(containsString("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Facilitators</legend>"),
                        containsString("Casey Coordinator"), containsString("Wren Worker"), containsString("Winnie Worker"),
                        containsString("id=\"facilitators\" name=\"facilitators\" type=\"checkbox\" value=\"coord-a\" checked"),
                        containsString("name=\"facilitators\" type=\"checkbox\" value=\"worker-a\" aria-describedby"),
                        containsString("name=\"facilitators\" type=\"checkbox\" value=\"worker2-a\" aria-describedby"),
                        not(containsString("type=\"text\" spellcheck=\"false\" autocomplete=\"off\" value=\"coord-a\"")),
                        not(containsString("cannot be shown right now")));
        services.verify(getRequestedFor(urlPathEqualTo("/facilitators")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void theSignedInUserIsNotTickedWhenTheyAreNotListed() {
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(okJson("""
                [{"id":"k-2","userName":"worker-a","displayName":"Wren Worker"}]""")));
        given().get("/sessions/new").then().statusCode(200)
                .body(containsString("value=\"worker-a\" aria-describedby"), not(containsString("value=\"coord-a\"")),
                        not(containsString(" checked aria-describedby=\"facilitators-")));
    }

    @Test
    void bookingSendsTheUserNamesTicked() {
        services.stubFor(post(urlPathEqualTo("/sessions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + SESSION + "\"}")));
        Forms form = Forms.from("/sessions/new");
        booking(form).formParam("facilitators", "coord-a").formParam("facilitators", "worker2-a")
                .post("/sessions/new").then().statusCode(303)
                .header("Location", endsWith("/sessions/" + SESSION + "?done=booked"));
        services.verify(postRequestedFor(urlPathEqualTo("/sessions")).withRequestBody(equalToJson("""
                {"title":"Art club","startsAt":"2030-12-03T16:00Z","durationMinutes":60,"platform":"ZOOM",
                 "facilitators":["coord-a","worker2-a"],"invitees":["%s"],"firstOfGroup":false}""".formatted(YP))));
    }

    @Test
    void aFacilitatorRuleIsShownAtTheCheckboxesWithWhatWasTickedKept() {
        services.stubFor(post(urlPathEqualTo("/sessions")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"facilitator-must-be-staff-of-organisation\",\"detail\":\"not staff\"}")));
        Forms form = Forms.from("/sessions/new");
        booking(form).formParam("facilitators", "coord-a").formParam("facilitators", "worker-a")
                .post("/sessions/new").then().statusCode(200)
                .body(containsString("<a href=\"#facilitators\">Every facilitator must be a member of staff of your organisation</a>"),
                        containsString("<p id=\"facilitators-error\" class=\"govuk-error-message\">"),
                        containsString("aria-describedby=\"facilitators-hint facilitators-error\""),
                        containsString("value=\"coord-a\" checked"), containsString("value=\"worker-a\" checked"),
                        containsString("value=\"worker2-a\" aria-describedby"));
    }

    @Test
    void twoFacilitatorsRuleIsShownAtTheCheckboxes() {
        services.stubFor(post(urlPathEqualTo("/sessions")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"group-session-needs-two-facilitators\"}")));
        Forms form = Forms.from("/sessions/new");
        booking(form).formParam("facilitators", "coord-a").post("/sessions/new").then().statusCode(200)
                .body(containsString("<a href=\"#facilitators\">A group session needs at least 2 facilitators</a>"),
                        containsString("<p id=\"facilitators-error\" class=\"govuk-error-message\">"));
    }

    @Test
    void aOneToOneIsScheduledWithWorkersTickedFromTheStaff() {
        String request = "77777777-7777-7777-7777-777777777777";
        services.stubFor(get(urlPathEqualTo("/one-to-one-requests/" + request)).willReturn(okJson("""
                {"id":"%s","youngPersonId":"%s","recordedBy":"coord-a","requestedAt":"2026-12-01T10:00:00Z"}""".formatted(request, YP))));
        services.stubFor(get(urlPathEqualTo("/young-people/" + YP)).willReturn(okJson("{\"id\":\"" + YP + "\",\"preferredName\":\"Alex\"}")));
        given().get("/one-to-ones/" + request + "/schedule").then().statusCode(200)
                .body(containsString("The youth workers leading it: 1 or 2. A second is good practice."),
                        containsString("Wren Worker"), containsString("name=\"facilitators\" type=\"checkbox\" value=\"worker-a\" aria-describedby"),
                        not(containsString("id=\"facilitators-0\"")));
        refuses("/one-to-one-requests/" + request + "/schedule", "one-to-one-needs-one-or-two-workers");
        Forms form = Forms.from("/one-to-ones/" + request + "/schedule");
        form.post().formParam("title", "One-to-one").formParam("startsAt-day", "3").formParam("startsAt-month", "12")
                .formParam("startsAt-year", "2030").formParam("startsAt-time", "16:00").formParam("durationMinutes", "45")
                .formParam("platform", "ZOOM").formParam("facilitators", "worker-a").formParam("facilitators", "worker2-a")
                .formParam("facilitators", "coord-a")
                .post("/one-to-ones/" + request + "/schedule").then().statusCode(200)
                .body(containsString("<a href=\"#facilitators\">A one-to-one session needs 1 or 2 youth workers</a>"),
                        containsString("value=\"worker2-a\" checked"));
        services.verify(postRequestedFor(urlPathEqualTo("/one-to-one-requests/" + request + "/schedule")).withRequestBody(equalToJson("""
                {"title":"One-to-one","startsAt":"2030-12-03T16:00Z","durationMinutes":45,"platform":"ZOOM",
                 "facilitators":["worker-a","worker2-a","coord-a"]}""")));
    }

    void refuses(String path, String rule) {
        services.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":422,\"rule\":\"" + rule + "\"}")));
    }

    @Test
    void staffListUnavailableLeavesTheFormWithAClearMessage() {
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "5")
                .withBody("{\"status\":503,\"title\":\"Staff directory unavailable\"}")));
        given().get("/sessions/new").then().statusCode(200)
                .body(containsString("Book a group session"), containsString("Book session"),
                        containsString("Your organisation's list of staff cannot be shown right now"),
                        not(containsString("name=\"facilitators\"")));
    }

    @Test
    void staffListUnreachableLeavesTheFormWithAClearMessage() {
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().get("/sessions/new").then().statusCode(200)
                .body(containsString("Your organisation's list of staff cannot be shown right now"));
    }
}
