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
 * The booking form's young people are searched by name and paged by GET (the whole form sent, so nothing typed is
 * lost and it works without JavaScript); anyone ticked who is not on the page shown stays ticked under "Already
 * chosen". The session page names staff by display name.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
class BookingSearchTest {

    static final String SESSION = "55555555-5555-5555-5555-555555555555";
    static final String ALEX = "22222222-2222-2222-2222-222222222222";
    static final String SAM = "33333333-3333-3333-3333-333333333333";

    WireMockServer services;

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("""
                {"items":[{"id":"%s","preferredName":"Alex"}],"page":0,"size":20,"total":45}""".formatted(ALEX))));
        services.stubFor(get(urlPathEqualTo("/young-people")).withQueryParam("name", equalTo("Sam")).willReturn(okJson("""
                {"items":[{"id":"%s","preferredName":"Sam"}],"page":0,"size":20,"total":1}""".formatted(SAM))));
        services.stubFor(get(urlPathEqualTo("/young-people/" + ALEX)).willReturn(okJson("""
                {"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04"}""".formatted(ALEX))));
        services.stubFor(get(urlPathEqualTo("/consent-checks")).willReturn(okJson("{\"allowed\":true,\"reasons\":[]}")));
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(okJson(BookingFacilitatorsTest.STAFF)));
    }

    @Test
    void theFormOffersASearchAndPagesThatSendTheWholeFormByGet() {
        given().get("/sessions/new").then().statusCode(200)
                .body(containsString("<label class=\"govuk-label govuk-label--m\" for=\"inviteeName\">Find young people to invite</label>"),
                        containsString("formmethod=\"get\" formaction=\"/sessions/new\" formnovalidate name=\"inviteePage\" value=\"0\""),
                        containsString("45 young people, page 1"),
                        containsString("name=\"inviteePage\" value=\"1\""), containsString("Next 20 young people"),
                        not(containsString("Previous 20 young people")));
        services.verify(getRequestedFor(urlPathEqualTo("/young-people")).withQueryParam("page", equalTo("0"))
                .withQueryParam("size", equalTo("20")));
    }

    @Test
    void theConsentCheckButtonHasAnIdSoFocusSurvivesItsRedraw() {
        // htmx swaps #invitees, the button included, and puts focus back on the element with the same id
        given().get("/sessions/new").then().statusCode(200)
                .body(containsString("<button type=\"submit\" id=\"invitee-check\" name=\"action\" value=\"check\""),
                        containsString("hx-select=\"#invitees\" hx-target=\"#invitees\" hx-swap=\"outerHTML\">Check consent for this time and platform</button>"));
    }

    @Test
    void aSearchKeepsWhatWasTypedAndTheYoungPeopleTickedThatItDoesNotShow() {
        given().queryParam("title", "Art club").queryParam("startsAt-day", "3").queryParam("startsAt-month", "12")
                .queryParam("startsAt-year", "2030").queryParam("startsAt-time", "16:00").queryParam("durationMinutes", "90")
                .queryParam("platform", "ZOOM").queryParam("facilitators", "worker-a").queryParam("invitees", ALEX)
                .queryParam("inviteeName", "Sam").queryParam("inviteePage", "0")
                .get("/sessions/new").then().statusCode(200)
                .body(containsString("value=\"Art club\""), containsString("value=\"90\""),
                        containsString("value=\"worker-a\" checked"), not(containsString("value=\"coord-a\" checked")),
                        containsString("Already chosen"),
                        containsString("id=\"invitee-" + ALEX + "\" name=\"invitees\" type=\"checkbox\" value=\"" + ALEX + "\" checked"),
                        containsString("id=\"invitee-" + SAM + "\" name=\"invitees\" type=\"checkbox\" value=\"" + SAM + "\">"),
                        containsString("1 found for \"Sam\""), containsString("value=\"Sam\""));
        services.verify(getRequestedFor(urlPathEqualTo("/young-people")).withQueryParam("name", equalTo("Sam")));
        // the consent check is for the time typed
        services.verify(getRequestedFor(urlPathEqualTo("/consent-checks")).withQueryParam("youngPersonId", equalTo(SAM))
                .withQueryParam("at", equalTo("2030-12-03T16:00Z")));
    }

    @Test
    void theNextPageAsksTheServiceForIt() {
        given().queryParam("title", "").queryParam("startsAt-day", "3").queryParam("inviteePage", "2")
                .get("/sessions/new").then().statusCode(200).body(containsString("Previous 20 young people"));
        services.verify(getRequestedFor(urlPathEqualTo("/young-people")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void bookingSendsEveryoneTickedOnceWhetherShownOrAlreadyChosen() {
        services.stubFor(post(urlPathEqualTo("/sessions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + SESSION + "\"}")));
        Forms form = Forms.from("/sessions/new");
        form.post().formParam("action", "book").formParam("title", "Art club").formParam("startsAt-day", "3")
                .formParam("startsAt-month", "12").formParam("startsAt-year", "2030").formParam("startsAt-time", "16:00")
                .formParam("durationMinutes", "60").formParam("platform", "ZOOM").formParam("facilitators", "coord-a")
                .formParam("facilitators", "worker-a").formParam("invitees", ALEX).formParam("invitees", SAM)
                .formParam("invitees", ALEX).formParam("inviteeName", "Sam").formParam("inviteePage", "0")
                .post("/sessions/new").then().statusCode(303);
        services.verify(postRequestedFor(urlPathEqualTo("/sessions"))
                .withRequestBody(matchingJsonPath("$.invitees.length()", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.invitees[0]", equalTo(ALEX)))
                .withRequestBody(matchingJsonPath("$.invitees[1]", equalTo(SAM))));
    }

    @Test
    void enterInATextFieldPressesBookingNotTheSearch() {
        String page = given().get("/sessions/new").then().statusCode(200).extract().asString();
        String form = page.substring(page.indexOf("<form method=\"post\" action=\"/sessions/new\""));
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("<button type=\"submit\"[^>]*>").matcher(form);
        org.junit.jupiter.api.Assertions.assertTrue(first.find());
        // the first submit button in the form is its default: what Enter in a text field presses
        org.junit.jupiter.api.Assertions.assertEquals("<button type=\"submit\" name=\"action\" value=\"enter\" class=\"govuk-visually-hidden\""
                + " tabindex=\"-1\" aria-hidden=\"true\">", first.group());
        org.junit.jupiter.api.Assertions.assertTrue(form.indexOf("id=\"invitee-search\"") > first.end(), "Search comes after the default");
        // Enter in the search box clicks Search (portal.js)
        org.junit.jupiter.api.Assertions.assertTrue(form.contains("id=\"inviteeName\" name=\"inviteeName\" type=\"search\" value=\"\""
                + " aria-describedby=\"inviteeName-hint\" spellcheck=\"false\" data-enter-clicks=\"invitee-search\">"));
        org.junit.jupiter.api.Assertions.assertTrue(form.contains("<input type=\"hidden\" name=\"searchedName\" value=\"\">"));
    }

    @Test
    void enterBooksTheSessionWhenTheSearchBoxHoldsWhatWasSearched() {
        services.stubFor(post(urlPathEqualTo("/sessions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + SESSION + "\"}")));
        Forms form = Forms.from("/sessions/new");
        form.post().formParam("action", "enter").formParam("title", "Art club").formParam("startsAt-day", "3")
                .formParam("startsAt-month", "12").formParam("startsAt-year", "2030").formParam("startsAt-time", "16:00")
                .formParam("durationMinutes", "60").formParam("platform", "ZOOM").formParam("facilitators", "coord-a")
                .formParam("facilitators", "worker-a").formParam("invitees", SAM).formParam("inviteeName", "Sam")
                .formParam("searchedName", "Sam").formParam("inviteePage", "0")
                .post("/sessions/new").then().statusCode(303).header("Location", endsWith("/sessions/" + SESSION + "?done=booked"));
        services.verify(postRequestedFor(urlPathEqualTo("/sessions")).withRequestBody(matchingJsonPath("$.title", equalTo("Art club"))));
    }

    @Test
    void enterWithANameNotYetSearchedSearchesAndBooksNothing() {
        Forms form = Forms.from("/sessions/new");
        form.post().formParam("action", "enter").formParam("title", "Art club").formParam("startsAt-day", "3")
                .formParam("startsAt-month", "12").formParam("startsAt-year", "2030").formParam("startsAt-time", "")
                .formParam("durationMinutes", "60").formParam("platform", "ZOOM").formParam("facilitators", "worker-a")
                .formParam("invitees", ALEX).formParam("inviteeName", "Sam").formParam("searchedName", "")
                .formParam("inviteePage", "1")
                .post("/sessions/new").then().statusCode(200)
                .body(containsString("1 found for \"Sam\""), containsString("value=\"Art club\""),
                        containsString("value=\"worker-a\" checked"), containsString("Already chosen"),
                        containsString("<input type=\"hidden\" name=\"searchedName\" value=\"Sam\">"),
                        not(containsString("There is a problem"))); // a search judges nothing: the missing time is not an error yet
        services.verify(getRequestedFor(urlPathEqualTo("/young-people")).withQueryParam("name", equalTo("Sam"))
                .withQueryParam("page", equalTo("0")));
        services.verify(0, postRequestedFor(urlPathEqualTo("/sessions")));
    }

    @Test
    void theSessionPageNamesFacilitatorsAndWhoCompletedTheChecklistByDisplayName() {
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION)).willReturn(okJson("""
                {"id":"%s","kind":"GROUP","title":"Art club","platform":"ZOOM","startsAt":"2030-12-03T16:00:00Z",
                 "endsAt":"2030-12-03T17:00:00Z","durationMinutes":60,"status":"ENDED",
                 "facilitators":["worker-a","gone-a"],"singleFacilitatorFlag":false,"invitations":[],
                 "provisioning":{"state":"READY","attempts":1},
                 "checklist":{"briefingGiven":true,"groundRulesAgreed":false,"groundRulesNeeded":false,"organisationDevices":true,
                              "complete":true,"recordedBy":"worker2-a","recordedAt":"2030-12-03T15:50:00Z"}}
                """.formatted(SESSION))));
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(containsString("Wren Worker, gone-a"), containsString("The checklist was completed by Winnie Worker"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aYouthWorkersSessionPageNamesTheFacilitatorsByDisplayNameFromTheStaffList() {
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION)).willReturn(okJson("""
                {"id":"%s","kind":"GROUP","title":"Art club","platform":"ZOOM","startsAt":"2030-12-03T16:00:00Z",
                 "endsAt":"2030-12-03T17:00:00Z","durationMinutes":60,"status":"SCHEDULED",
                 "facilitators":["worker-a","worker2-a"],"singleFacilitatorFlag":false,"invitations":[],
                 "provisioning":{"state":"READY","attempts":1},
                 "checklist":{"briefingGiven":false,"groundRulesAgreed":false,"groundRulesNeeded":false,"organisationDevices":false,"complete":false}}
                """.formatted(SESSION))));
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(containsString("Wren Worker, Winnie Worker"), not(containsString("worker-a, worker2-a")));
        // with the worker's own token: session-service lets every staff role read the list
        services.verify(getRequestedFor(urlPathEqualTo("/facilitators")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void youngPeopleWithTheSamePreferredNameAreToldApartByDateOfBirthAndAge() {
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("""
                {"items":[{"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04"},
                          {"id":"%s","preferredName":"Alex","dateOfBirth":"2013-11-20"}],"page":0,"size":20,"total":2}"""
                .formatted(ALEX, SAM))));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        long older = java.time.Period.between(java.time.LocalDate.of(2012, 3, 4), today).getYears();
        long younger = java.time.Period.between(java.time.LocalDate.of(2013, 11, 20), today).getYears();
        given().get("/sessions/new").then().statusCode(200)
                .body(containsString("id=\"invitee-" + ALEX + "-born\" class=\"govuk-hint govuk-checkboxes__hint\">Born 4 March 2012, age " + older),
                        containsString("id=\"invitee-" + SAM + "-born\" class=\"govuk-hint govuk-checkboxes__hint\">Born 20 November 2013, age " + younger),
                        containsString("aria-describedby=\"invitee-" + ALEX + "-born\""));
    }

    @Test
    void withTheStaffListUnavailableTheSessionPageUsesUserNames() {
        services.stubFor(get(urlPathEqualTo("/facilitators")).willReturn(aResponse().withStatus(503)));
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION)).willReturn(okJson("""
                {"id":"%s","kind":"GROUP","title":"Art club","platform":"ZOOM","startsAt":"2030-12-03T16:00:00Z",
                 "endsAt":"2030-12-03T17:00:00Z","durationMinutes":60,"status":"SCHEDULED",
                 "facilitators":["worker-a","worker2-a"],"singleFacilitatorFlag":false,"invitations":[],
                 "provisioning":{"state":"READY","attempts":1},
                 "checklist":{"briefingGiven":false,"groundRulesAgreed":false,"groundRulesNeeded":false,"organisationDevices":false,"complete":false}}
                """.formatted(SESSION))));
        given().get("/sessions/" + SESSION).then().statusCode(200).body(containsString("worker-a, worker2-a"));
    }
}
