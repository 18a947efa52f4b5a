package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

/** Every endpoint of issue 3 without a token: 401, problem+json, and a bearer challenge. */
@QuarkusTest
class UnauthenticatedTest extends ConsentTestStack {

    @Test
    void everyEndpointWithoutTokenIs401() {
        String id = Fixtures.unknownId();
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post("/consents/" + id + "/withdrawal")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType(startsWith("application/problem+json"));
        given().get("/consents/" + id).then().statusCode(401);
        given().get("/consent-checks?youngPersonId=" + id + "&scope=GROUP_SESSIONS&platform=ZOOM").then().statusCode(401);
        given().get("/young-people/" + id + "/consent-history").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"agreementVersion\":\"2026.1\"}")
                .post("/young-people/" + id + "/agreements").then().statusCode(401);
        given().get("/young-people/" + id + "/agreements").then().statusCode(401);
        given().get("/young-people/" + id + "/export").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"guardians\":[]}")
                .put("/young-people/" + id + "/contact-details").then().statusCode(401);
        given().get("/settings").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").put("/settings").then().statusCode(401);
        given().get("/code-of-conduct").then().statusCode(401);
        given().get("/me").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().get("/access-log").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/subject-access-requests").then().statusCode(401);
        given().get("/subject-access-requests").then().statusCode(401);
        given().get("/subject-access-requests/overdue").then().statusCode(401);
        given().get("/subject-access-requests/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"status\":\"SENT\"}")
                .post("/subject-access-requests/" + id + "/status").then().statusCode(401);
        given().post("/subject-access-requests/" + id + "/export").then().statusCode(401);
    }
}
