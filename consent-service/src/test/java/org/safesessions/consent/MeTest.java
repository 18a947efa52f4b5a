package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The bare authenticated endpoint: who the token says the caller is. */
@QuarkusTest
class MeTest extends ConsentTestStack {

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void staffSeeTheirOrganisationAndRoles() {
        given().get("/me").then().statusCode(200)
                .body("userName", equalTo("coord-a"))
                .body("organisation", equalTo("org-a"))
                .body("roles", contains("coordinator"));
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilIsNotStaff() {
        given().get("/me").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "contact-reader")
    void serviceAccountIsNotStaff() {
        given().get("/me").then().statusCode(403);
    }
}
