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
 * Withdrawing a consent (with its reason) and recording the online-safety agreement: what consent-service is sent,
 * the young person's page after, a refused rule in plain English, no CSRF token → nothing sent, the wrong role refused.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
class ConsentActionsTest {

    static final String YP = "22222222-2222-2222-2222-222222222222";
    static final String CONSENT = "44444444-4444-4444-4444-444444444444";

    WireMockServer services;

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/young-people/" + YP)).willReturn(okJson("""
                {"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04","localAuthorityCode":"E09000024",
                 "registeredAt":"2026-11-01T10:00:00Z","guardians":[]}""".formatted(YP))));
        services.stubFor(get(urlPathEqualTo("/consents/" + CONSENT)).willReturn(okJson("""
                {"id":"%s","scope":"GROUP_SESSIONS","platforms":["ZOOM"],"status":"ACTIVE"}""".formatted(CONSENT))));
        services.stubFor(get(urlPathEqualTo("/young-people/" + YP + "/consents")).willReturn(okJson("[]")));
        services.stubFor(get(urlPathEqualTo("/young-people/" + YP + "/consent-history")).willReturn(okJson("[]")));
        services.stubFor(get(urlPathEqualTo("/young-people/" + YP + "/agreements")).willReturn(okJson("[]")));
        services.stubFor(get(urlPathEqualTo("/consent-checks")).willReturn(okJson("{\"allowed\":false,\"reasons\":[\"NO_CONSENT\"]}")));
        services.stubFor(get(urlPathEqualTo("/code-of-conduct")).willReturn(okJson("{\"version\":\"1.0\"}")));
    }

    static void refuses(WireMockServer services, com.github.tomakehurst.wiremock.client.MappingBuilder call, int status, String rule) {
        services.stubFor(call.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"rule\":\"" + rule + "\",\"detail\":\"the service's words\"}")));
    }

    String withdrawal() {
        return "/young-people/" + YP + "/consents/" + CONSENT + "/withdrawal";
    }

    // ---- withdraw a consent

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void withdrawingSendsTheReasonAndComesBackToTheYoungPerson() {
        services.stubFor(post(urlPathEqualTo("/consents/" + CONSENT + "/withdrawal")).willReturn(okJson("{}")));
        Forms form = Forms.from(withdrawal());
        form.post().formParam("reason", "  The family asked us to stop.  ").post(withdrawal()).then().statusCode(303)
                .header("Location", endsWith("/young-people/" + YP + "?done=withdrawn"));
        services.verify(postRequestedFor(urlPathEqualTo("/consents/" + CONSENT + "/withdrawal"))
                .withRequestBody(equalToJson("{\"reason\":\"The family asked us to stop.\"}")));
        given().get("/young-people/" + YP + "?done=withdrawn").then().statusCode(200).body(containsString("Consent withdrawn"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aWithdrawalTheServiceRefusesIsSaidWithTheReasonKept() {
        refuses(services, post(urlPathEqualTo("/consents/" + CONSENT + "/withdrawal")), 422, "only-an-unexpired-consent-can-be-withdrawn");
        Forms form = Forms.from(withdrawal());
        form.post().formParam("reason", "Moved away").post(withdrawal()).then().statusCode(200)
                .body(containsString("There is a problem"),
                        containsString("<a href=\"#reason\">This consent has expired, so it cannot be withdrawn</a>"),
                        containsString("<p id=\"reason-error\" class=\"govuk-error-message\">"), containsString(">Moved away</textarea>"));
        refuses(services, post(urlPathEqualTo("/consents/" + CONSENT + "/withdrawal")), 409, "consent-withdrawn-once");
        form.post().formParam("reason", "Moved away").post(withdrawal()).then().statusCode(200)
                .body(containsString("<a href=\"#reason\">This consent has already been withdrawn</a>"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aWithdrawalWithoutItsCsrfTokenSendsNothing() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("reason", "Moved away")
                .post(withdrawal()).then().statusCode(403).body(containsString("This form has expired"));
        services.verify(0, postRequestedFor(urlPathEqualTo("/consents/" + CONSENT + "/withdrawal")));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aYouthWorkerCannotWithdrawConsent() {
        given().get(withdrawal()).then().statusCode(403).body(containsString("You cannot see this page"));
        Forms form = Forms.from("/young-people/" + YP);
        form.post().formParam("reason", "Moved away").post(withdrawal()).then().statusCode(403)
                .body(containsString("You cannot see this page"));
        services.verify(0, postRequestedFor(urlPathEqualTo("/consents/" + CONSENT + "/withdrawal")));
    }

    // ---- the online-safety agreement

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void recordingTheAgreementSendsTheCodeOfConductVersionAndComesBackToTheYoungPerson() {
        given().get("/young-people/" + YP).then().statusCode(200)
                .body(containsString("<input type=\"hidden\" name=\"agreementVersion\" value=\"1.0\">"),
                        containsString("Record agreement to the code of conduct (version 1.0)"));
        services.stubFor(post(urlPathEqualTo("/young-people/" + YP + "/agreements")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"88888888-8888-8888-8888-888888888888\"}")));
        Forms form = Forms.from("/young-people/" + YP);
        form.post().formParam("agreementVersion", "1.0").post("/young-people/" + YP + "/agreements").then().statusCode(303)
                .header("Location", endsWith("/young-people/" + YP + "?done=agreement"));
        services.verify(postRequestedFor(urlPathEqualTo("/young-people/" + YP + "/agreements"))
                .withRequestBody(equalToJson("{\"agreementVersion\":\"1.0\"}")));
        given().get("/young-people/" + YP + "?done=agreement").then().statusCode(200)
                .body(containsString("Online safety agreement recorded"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void anAgreementTheServiceRefusesIsSaidOnTheYoungPersonsPage() {
        refuses(services, post(urlPathEqualTo("/young-people/" + YP + "/agreements")), 422, "agreement-to-a-published-code-of-conduct");
        Forms form = Forms.from("/young-people/" + YP);
        form.post().formParam("agreementVersion", "0.9").post("/young-people/" + YP + "/agreements").then().statusCode(200)
                .body(containsString("There is a problem"),
                        containsString("<a href=\"#agreementVersion\">Choose a published version of the code of conduct</a>"),
                        containsString("id=\"agreementVersion\""), containsString("Alex"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void anAgreementWithoutItsCsrfTokenSendsNothing() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("agreementVersion", "1.0")
                .post("/young-people/" + YP + "/agreements").then().statusCode(403).body(containsString("This form has expired"));
        services.verify(0, postRequestedFor(urlPathEqualTo("/young-people/" + YP + "/agreements")));
    }

    @Test
    @TestSecurity(user = "ops-a", roles = "ops")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "ops-a")})
    void anAgreementByARoleTheServiceRefusesIsRefused() {
        // every staff role may record it (consent-service decides): a caller it refuses gets the portal's 403 page
        services.stubFor(post(urlPathEqualTo("/young-people/" + YP + "/agreements")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        Forms form = Forms.from("/young-people/" + YP);
        form.post().formParam("agreementVersion", "1.0").post("/young-people/" + YP + "/agreements").then().statusCode(403)
                .body(containsString("You cannot see this page"));
    }
}
