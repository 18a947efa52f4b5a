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

@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
class YoungPeoplePagesTest {

    static final String ID = "22222222-2222-2222-2222-222222222222";

    WireMockServer services;

    @BeforeEach
    void reset() {
        services.resetAll();
    }

    @Test
    void registeringAYoungPersonSendsTheFormAndShowsThem() {
        services.stubFor(post(urlPathEqualTo("/young-people")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + ID + "\"}")));
        Forms form = Forms.from("/young-people/new");
        form.post().formParam("preferredName", "Alex").formParam("dateOfBirth-day", "4")
                .formParam("dateOfBirth-month", "3").formParam("dateOfBirth-year", "2012")
                .formParam("localAuthorityCode", "e09000024").formParam("guardians[0].name", "Pat")
                .formParam("guardians[0].relationship", "mother").formParam("guardians[0].email", "pat@example.org")
                .formParam("guardians[0].preferredChannel", "EMAIL")
                .post("/young-people/new").then().statusCode(303)
                .header("Location", endsWith("/young-people/" + ID + "?done=registered"));
        services.verify(postRequestedFor(urlPathEqualTo("/young-people"))
                .withRequestBody(matchingJsonPath("$.dateOfBirth", equalTo("2012-03-04")))
                .withRequestBody(matchingJsonPath("$.localAuthorityCode", equalTo("E09000024")))
                .withRequestBody(matchingJsonPath("$.guardians[0].name", equalTo("Pat")))
                .withRequestBody(matchingJsonPath("$.guardians.length()", equalTo("1"))));
    }

    @Test
    void fieldErrorsFromTheServiceBecomeAnErrorSummaryAndInlineErrors() {
        services.stubFor(post(urlPathEqualTo("/young-people")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"about:blank","title":"Bad Request","status":400,"detail":"invalid guardians[0].email, preferredName",
                         "errors":[{"field":"guardians[0].email","message":"must be a well-formed email address"},
                                   {"field":"preferredName","message":"must not be blank"}]}""")));
        Forms form = Forms.from("/young-people/new");
        form.post().formParam("preferredName", "").formParam("dateOfBirth-day", "4")
                .formParam("dateOfBirth-month", "3").formParam("dateOfBirth-year", "2012")
                .formParam("guardians[0].email", "not-an-email")
                .post("/young-people/new").then().statusCode(200)
                .body(containsString("<title>Error: Register a young person"),
                        containsString("There is a problem"),
                        containsString("<a href=\"#guardians-0-email\">Guardian&#39;s email must be a well-formed email address</a>"),
                        containsString("<a href=\"#preferredName\">Enter preferred name</a>"),
                        containsString("id=\"preferredName-error\""),
                        containsString("value=\"not-an-email\""));
    }

    @Test
    void aDateThatIsNotADateIsSaidBeforeAnythingIsSent() {
        Forms form = Forms.from("/young-people/new");
        form.post().formParam("preferredName", "Alex").formParam("dateOfBirth-day", "31")
                .formParam("dateOfBirth-month", "2").formParam("dateOfBirth-year", "2012")
                .post("/young-people/new").then().statusCode(200)
                .body(containsString("<a href=\"#dateOfBirth-day\">Date of birth must be a real date"));
        services.verify(0, postRequestedFor(urlPathEqualTo("/young-people")));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("preferredName", "Alex").post("/young-people/new")
                .then().statusCode(403).body(containsString("This form has expired"));
        Forms form = Forms.from("/young-people/new");
        given().redirects().follow(false).cookie("portal-csrf", form.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "forged").post("/young-people/new")
                .then().statusCode(403);
        services.verify(0, postRequestedFor(urlPathEqualTo("/young-people")));
    }

    @Test
    void aRuleTheServiceNamesIsSaidInPlainEnglish() {
        youngPersonStubs();
        services.stubFor(post(urlPathEqualTo("/young-people/" + ID + "/consents")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"https://safesessions.org/problems/self-consent-needs-13-or-over","title":"Unprocessable Content",
                         "status":422,"detail":"the young person is under 13","rule":"self-consent-needs-13-or-over"}""")));
        Forms form = Forms.from("/young-people/" + ID + "/consents/new");
        form.post().formParam("scope", "GROUP_SESSIONS").formParam("platforms", "ZOOM").formParam("guardianId", "YOUNG_PERSON")
                .formParam("evidenceMethod", "PAPER_FORM").formParam("evidenceReference", "F-1")
                .formParam("givenAt-day", "1").formParam("givenAt-month", "11").formParam("givenAt-year", "2026")
                .post("/young-people/" + ID + "/consents/new").then().statusCode(200)
                .body(containsString("<a href=\"#givenBy\">A young person must be 13 or over to give their own consent</a>"));
        services.verify(postRequestedFor(urlPathEqualTo("/young-people/" + ID + "/consents"))
                .withRequestBody(matchingJsonPath("$.givenBy", equalTo("YOUNG_PERSON"))));
    }

    @Test
    void theYoungPersonShowsConsentStatusWithItsReasons() {
        youngPersonStubs();
        given().get("/young-people/" + ID).then().statusCode(200)
                .body(containsString("Alex"), containsString("The consent does not cover this platform"),
                        containsString("Record a consent"), containsString("Withdraw"));
    }

    @Test
    void aYoungPersonOfAnotherOrganisationIsNotFound() {
        services.stubFor(get(urlPathEqualTo("/young-people/" + ID)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        given().get("/young-people/" + ID).then().statusCode(404).body(containsString("Page not found"));
    }

    @Test
    void consentServiceDownGivesAClearPage() {
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().get("/young-people").then().statusCode(503)
                .body(containsString("young people and consents is not answering"), not(containsString("Exception")));
    }

    void youngPersonStubs() {
        services.stubFor(get(urlPathEqualTo("/young-people/" + ID)).willReturn(okJson("""
                {"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04","localAuthorityCode":"E09000024",
                 "registeredAt":"2026-11-01T10:00:00Z","guardians":[{"id":"33333333-3333-3333-3333-333333333333","name":"Pat",
                 "relationship":"mother","email":"pat@example.org","preferredChannel":"EMAIL"}]}""".formatted(ID))));
        services.stubFor(get(urlPathEqualTo("/young-people/" + ID + "/consents")).willReturn(okJson("""
                [{"id":"44444444-4444-4444-4444-444444444444","scope":"GROUP_SESSIONS","platforms":["TEAMS"],"givenBy":"GUARDIAN",
                  "evidenceReference":"F-1","evidenceMethod":"PAPER_FORM","givenAt":"2026-11-01T10:00:00Z",
                  "expiresAt":"2027-11-01T10:00:00Z","status":"ACTIVE"}]""")));
        services.stubFor(get(urlPathEqualTo("/young-people/" + ID + "/consent-history")).willReturn(okJson("[]")));
        services.stubFor(get(urlPathEqualTo("/young-people/" + ID + "/agreements")).willReturn(okJson("[]")));
        services.stubFor(get(urlPathEqualTo("/consent-checks")).willReturn(okJson("""
                {"allowed":false,"reasons":["PLATFORM_NOT_COVERED"]}""")));
        services.stubFor(get(urlPathEqualTo("/code-of-conduct")).willReturn(okJson("{\"version\":\"1.0\"}")));
    }
}
