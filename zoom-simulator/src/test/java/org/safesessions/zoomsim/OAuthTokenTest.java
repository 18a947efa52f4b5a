package org.safesessions.zoomsim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.safesessions.zoomsim.ZoomClient.ACCOUNT_ID;
import static org.safesessions.zoomsim.ZoomClient.CLIENT_ID;
import static org.safesessions.zoomsim.ZoomClient.CLIENT_SECRET;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OAuthTokenTest {

    @Test
    void accountCredentialsGrantGivesAnHourLongBearerToken() {
        given()
                .auth().preemptive().basic(CLIENT_ID, CLIENT_SECRET)
                .queryParam("grant_type", "account_credentials")
                .queryParam("account_id", ACCOUNT_ID)
                .when().post("/oauth/token")
                .then().statusCode(200)
                .body("access_token", not(emptyOrNullString()))
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", not(emptyOrNullString()));
    }

    @Test
    void parametersAreAlsoAcceptedAsAFormBody() {
        given()
                .auth().preemptive().basic(CLIENT_ID, CLIENT_SECRET)
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "account_credentials")
                .formParam("account_id", ACCOUNT_ID)
                .when().post("/oauth/token")
                .then().statusCode(200)
                .body("token_type", equalTo("bearer"));
    }

    @Test
    void wrongClientSecretIsRefusedAsInvalidClient() {
        given()
                .auth().preemptive().basic(CLIENT_ID, "not-the-secret")
                .queryParam("grant_type", "account_credentials")
                .queryParam("account_id", ACCOUNT_ID)
                .when().post("/oauth/token")
                .then().statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void missingBasicCredentialsAreRefused() {
        given()
                .queryParam("grant_type", "account_credentials")
                .queryParam("account_id", ACCOUNT_ID)
                .when().post("/oauth/token")
                .then().statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void unknownAccountIsRefused() {
        given()
                .auth().preemptive().basic(CLIENT_ID, CLIENT_SECRET)
                .queryParam("grant_type", "account_credentials")
                .queryParam("account_id", "someone-else")
                .when().post("/oauth/token")
                .then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void otherGrantTypesAreRefused() {
        given()
                .auth().preemptive().basic(CLIENT_ID, CLIENT_SECRET)
                .queryParam("grant_type", "client_credentials")
                .queryParam("account_id", ACCOUNT_ID)
                .when().post("/oauth/token")
                .then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void meetingApiWithoutTokenAnswers401WithZoomCode124() {
        given()
                .when().get("/v2/meetings/81234567890")
                .then().statusCode(401)
                .body("code", equalTo(124))
                .body("message", equalTo("Invalid access token."));
    }

    @Test
    void tokenTheSimulatorNeverIssuedIsRefused() {
        given()
                .header("Authorization", "Bearer made-up-token")
                .when().get("/v2/users/me/settings")
                .then().statusCode(401)
                .body("code", equalTo(124));
    }

    @Test
    void revokedTokenIsRefusedAndANewOneWorks() {
        String token = ZoomClient.token();
        given().header("Authorization", "Bearer " + token)
                .when().get("/v2/users/me/settings")
                .then().statusCode(200);

        given().when().delete("/_sim/tokens").then().statusCode(204);

        given().header("Authorization", "Bearer " + token)
                .when().get("/v2/users/me/settings")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + ZoomClient.token())
                .when().get("/v2/users/me/settings")
                .then().statusCode(200);
    }
}
