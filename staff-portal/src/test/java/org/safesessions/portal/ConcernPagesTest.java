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
@TestSecurity(user = "worker-a", roles = "youth-worker")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a")})
class ConcernPagesTest {

    WireMockServer services;

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("""
                {"items":[],"page":0,"size":100,"total":0}""")));
    }

    @Test
    void theAllegationHintSaysWhoHandlesItAsSafeguardingServiceDoes() {
        given().get("/concerns/new").then().statusCode(200)
                .body(containsString("aria-describedby=\"subjectType-STAFF_MEMBER-hint\""),
                        containsString("<div class=\"govuk-hint govuk-radios__hint\" id=\"subjectType-STAFF_MEMBER-hint\">"
                                + "Your designated safeguarding leads handle it and see it in full. If the person it is about is your "
                                + "only designated safeguarding lead, your managers handle it instead. The person it is about is "
                                + "never shown it or told about it.</div>"),
                        not(containsString("Only your designated safeguarding lead sees this")));
    }

    @Test
    void anAllegationAgainstSomeoneWhoIsNotStaffIsSaidAtTheirUserName() {
        services.stubFor(post(urlPathEqualTo("/concerns")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"rule\":\"allegation-subject-must-be-staff-of-organisation\",\"detail\":\"no such staff\"}")));
        Forms form = Forms.from("/concerns/new");
        form.post().formParam("subjectType", "STAFF_MEMBER").formParam("staffUserName", "nobody-a")
                .formParam("categories", "OTHER").formParam("risk", "MEDIUM").formParam("narrative", "Said something")
                .post("/concerns/new").then().statusCode(200)
                .body(containsString("<a href=\"#staffUserName\">Enter the user name of a member of staff of your organisation</a>"),
                        containsString("id=\"staffUserName-error\""));
        services.verify(postRequestedFor(urlPathEqualTo("/concerns"))
                .withRequestBody(matchingJsonPath("$.staffUserName", equalTo("nobody-a")))
                .withRequestBody(matchingJsonPath("$.subjectType", equalTo("STAFF_MEMBER"))));
    }
}
