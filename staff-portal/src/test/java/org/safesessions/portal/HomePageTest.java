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
class HomePageTest {

    WireMockServer services;

    @BeforeEach
    void reset() {
        services.resetAll();
    }

    static void page(WireMockServer services, String path, String json) {
        services.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(json)));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void coordinatorSeesTheirWeek() {
        page(services, "/sessions", """
                {"items":[{"id":"11111111-1111-1111-1111-111111111111","title":"Art club","startsAt":"2026-12-03T16:00:00Z","status":"SCHEDULED"}],"page":0,"size":10,"total":1}""");
        page(services, "/concerns", "{\"items\":[],\"page\":0,\"size\":5,\"total\":0}");
        page(services, "/me/notifications", """
                {"items":[{"id":"n1","title":"Session cancelled","body":"b","urgent":false}],"page":0,"size":5,"total":1}""");
        given().get("/").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("Art club"), containsString("Thursday 3 December 2026 at 4:00pm"),
                        containsString("Session cancelled"), containsString("Book a group session"),
                        not(containsString("Bearer")));
        services.verify(getRequestedFor(urlPathEqualTo("/sessions")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
    void aServiceThatIsDownLeavesItsPanelSayingSo() {
        services.stubFor(get(urlPathEqualTo("/sessions")).willReturn(aResponse().withStatus(503)));
        page(services, "/concerns", "{\"items\":[],\"page\":0,\"size\":5,\"total\":0}");
        page(services, "/me/notifications", "{\"items\":[],\"page\":0,\"size\":5,\"total\":0}");
        given().get("/").then().statusCode(200)
                .body(containsString("Sessions cannot be shown right now"), not(containsString("Book a group session")),
                        not(containsString("Exception")));
        services.verify(getRequestedFor(urlPathEqualTo("/sessions")).withQueryParam("facilitator", equalTo("worker-a")));
    }

    @Test
    void signingInIsNeeded() {
        given().redirects().follow(false).get("/").then().statusCode(anyOf(is(302), is(401)));
    }

    @Test
    void theStylesheetHasNoGdsTransport() {
        given().get("/assets/govuk-frontend.css").then().statusCode(200)
                .body(not(containsString("GDS Transport")), not(containsString("@font-face")));
    }
}
