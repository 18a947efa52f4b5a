package org.safesessions.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
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
 * The access log page: a service chosen, filters by record, user and period (whole UK days) sent to that service's
 * access-log query, the entries as a table, paged; bad filters said at their fields (the portal's and the service's
 * 400s); DSLs and managers only; a service down said on the page.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "manager-a", roles = "manager")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
class AccessLogPagesTest {

    static final String YP = "22222222-2222-2222-2222-222222222222";
    static final String RECORD = "99999999-9999-9999-9999-999999999999";

    WireMockServer services;

    static String page(int total) {
        return """
                {"items":[{"id":"aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa","at":"2026-11-20T10:00:00Z","actor":{"id":"k-1","userName":"coord-a"},
                 "action":"EXPORT","recordType":"SUBJECT_ACCESS_REQUEST","recordId":"%s","subjectId":"%s","detail":"SUBJECT_ACCESS_REQUEST_MOVED: status=SENT"},
                 {"id":"bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb","at":"2026-11-19T10:00:00Z","actor":{"id":null,"userName":null},
                 "action":"CHANGE","recordType":"CONSENT","recordId":null,"subjectId":null,"detail":null}],"page":0,"size":50,"total":%d}"""
                .formatted(RECORD, YP, total);
    }

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/access-log")).willReturn(okJson(page(2))));
        services.stubFor(get(urlPathEqualTo("/sessions/access-log")).willReturn(okJson(page(120))));
        services.stubFor(get(urlPathEqualTo("/notifications/access-log")).willReturn(okJson(page(2))));
    }

    @Test
    void theConsentLogIsShownByDefaultNewestFirst() {
        given().get("/access-log").then().statusCode(200)
                .body(containsString("<form method=\"get\" action=\"/access-log\""), containsString("value=\"consent\" checked"),
                        containsString("2 entries, newest first"), containsString("coord-a"), containsString("Export"),
                        containsString("Subject access request"), containsString(RECORD),
                        containsString("href=\"/access-log?service=consent&amp;recordId=" + YP + "\""),
                        containsString("SafeSessions itself"), containsString("href=\"/access-log\" aria-current=\"page\""));
        services.verify(getRequestedFor(urlPathEqualTo("/access-log")).withQueryParam("page", equalTo("0"))
                .withQueryParam("size", equalTo("50")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void theFiltersGoToTheChosenServiceAsWholeUkDays() {
        given().queryParam("service", "session").queryParam("recordId", " " + YP + " ").queryParam("user", "Worker-A")
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").get("/access-log").then().statusCode(200)
                .body(containsString("value=\"session\" checked"), containsString("120 entries"),
                        containsString("href=\"/access-log?service=session&amp;recordId=" + YP + "&amp;user=Worker-A&amp;from=2026-11-01&amp;to=2026-11-30&amp;page=1#entries\""));
        services.verify(getRequestedFor(urlPathEqualTo("/sessions/access-log")).withQueryParam("recordId", equalTo(YP))
                .withQueryParam("user", equalTo("Worker-A")).withQueryParam("from", equalTo("2026-11-01T00:00Z"))
                .withQueryParam("to", equalTo("2026-12-01T00:00Z")));
        given().queryParam("service", "notification").queryParam("from", "2026-07-01").get("/access-log").then().statusCode(200);
        // in summer time a UK day starts at 23:00 UTC the day before
        services.verify(getRequestedFor(urlPathEqualTo("/notifications/access-log")).withQueryParam("from", equalTo("2026-07-01T00:00+01:00")));
        services.verify(0, getRequestedFor(urlPathEqualTo("/access-log")));
    }

    @Test
    void theNextPageIsAsked() {
        given().queryParam("service", "session").queryParam("page", 2).get("/access-log").then().statusCode(200)
                .body(containsString("rel=\"prev\""), not(containsString("rel=\"next\"")));
        services.verify(getRequestedFor(urlPathEqualTo("/sessions/access-log")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void filtersThePortalCannotReadAreSaidAtTheirFieldsAndNothingIsAsked() {
        given().queryParam("recordId", "Alex").queryParam("from", "1 November").get("/access-log").then().statusCode(200)
                .body(containsString("<a href=\"#recordId\">Record must be a record"), containsString("<a href=\"#from\">From must be a date"),
                        containsString("value=\"Alex\""), not(containsString("newest first")));
        given().queryParam("from", "2026-11-30").queryParam("to", "2026-11-01").get("/access-log").then().statusCode(200)
                .body(containsString("To must be the same day as From or after it"));
        services.verify(0, getRequestedFor(urlPathEqualTo("/access-log")));
    }

    @Test
    void theServicesFieldErrorsAreSaidAtTheirFields() {
        services.stubFor(get(urlPathEqualTo("/access-log")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":400,\"errors\":[{\"field\":\"user\",\"message\":\"must be 1 to 128 characters\"}]}")));
        given().queryParam("user", "x".repeat(130)).get("/access-log").then().statusCode(200)
                .body(containsString("<a href=\"#user\">User name must be 1 to 128 characters</a>"), containsString("id=\"user-error\""));
    }

    @Test
    void aServiceDownIsSaidOnThePageWithTheFormStillThere() {
        services.stubFor(get(urlPathEqualTo("/notifications/access-log")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().queryParam("service", "notification").get("/access-log").then().statusCode(200)
                .body(containsString("This access log cannot be shown right now"), containsString("name=\"service\""));
    }

    @Test
    void theServicesRefusalIsTheCannotSeePage() {
        services.stubFor(get(urlPathEqualTo("/access-log")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        given().get("/access-log").then().statusCode(403).body(containsString("You cannot see this page"));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
    void aDslReadsTheAccessLog() {
        given().get("/access-log").then().statusCode(200).body(containsString("2 entries"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aCoordinatorIsRefusedAndHasNoMenuItem() {
        given().get("/access-log").then().statusCode(403);
        given().get("/").then().body(not(containsString("href=\"/access-log\"")));
        services.verify(0, getRequestedFor(urlPathEqualTo("/access-log")));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aYouthWorkerIsRefused() {
        given().queryParam("service", "session").get("/access-log").then().statusCode(403);
        services.verify(0, getRequestedFor(urlPathEqualTo("/sessions/access-log")));
    }
}
