package org.safesessions.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

/** Real Keycloak tokens: no token 401, wrong role 403, another organisation's record 404 (SPEC §2). */
class TokensAndTenancyIT {

    private static final String YOUNG_PERSON = """
            {"preferredName":"Rowan","dateOfBirth":"2011-02-03","localAuthorityCode":"E10000020",
             "guardians":[{"name":"Chris Carer","relationship":"grandparent","phone":"07700 900456",
                           "preferredChannel":"SMS"}]}""";

    @Test
    void everyServiceRefusesRequestsWithoutAToken() {
        given().get(Suite.CONSENT + "/young-people").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().get(Suite.SESSION + "/young-people/00000000-0000-0000-0000-000000000000/consent-state")
                .then().statusCode(401);
        given().get(Suite.NOTIFICATION + "/notifications").then().statusCode(401);
    }

    @Test
    void aForgedTokenIsRefused() {
        given().auth().oauth2("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get(Suite.CONSENT + "/young-people").then().statusCode(401);
    }

    @Test
    void wrongRolesAreForbidden() {
        Suite.as("worker-a").contentType(ContentType.JSON).body(YOUNG_PERSON)
                .post(Suite.CONSENT + "/young-people").then().statusCode(403);
        // A council's token is meant for safeguarding-service (at the others it is 401, see AudienceIT); there it may
        // read referrals, not the staff's list of concerns.
        given().auth().oauth2(Suite.clientToken("council-e09000024"))
                .get(Suite.SAFEGUARDING + "/concerns").then().statusCode(403);
        Suite.as("coord-a").get(Suite.NOTIFICATION + "/notifications").then().statusCode(403);
    }

    @Test
    void anotherOrganisationsYoungPersonIsNotFound() {
        String id = Suite.as("coord-a").contentType(ContentType.JSON).body(YOUNG_PERSON)
                .post(Suite.CONSENT + "/young-people").then().statusCode(201).extract().path("id");
        Suite.as("coord-b").get(Suite.CONSENT + "/young-people/" + id).then().statusCode(404);
        Suite.as("coord-a").get(Suite.CONSENT + "/young-people/" + id).then().statusCode(200);
    }
}
