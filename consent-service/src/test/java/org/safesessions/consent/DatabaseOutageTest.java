package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.testkit.Eventually;
import org.safesessions.testkit.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

/** The database away for a while: not ready, a clear 503 to callers, and back by itself when it returns. */
@QuarkusTest
class DatabaseOutageTest extends ConsentTestStack {

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void withoutItsDatabaseTheServiceIsNotReadyAndRecoversByItself() {
        PostgresResource.stopDatabase();
        try {
            given().get("/q/health/ready").then().statusCode(503);
            given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Outage"))
                    .post("/young-people")
                    .then().statusCode(503).contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "5");
        } finally {
            PostgresResource.startDatabase();
        }
        Eventually.await("ready again by itself", () -> given().get("/q/health/ready").statusCode() == 200);
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("After Outage"))
                .post("/young-people").then().statusCode(201);
    }
}
