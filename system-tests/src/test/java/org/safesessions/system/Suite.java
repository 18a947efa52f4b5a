package org.safesessions.system;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/** Where the running suite is (SPEC §9 local conventions) and how to act as its users. */
final class Suite {

    static final String KEYCLOAK = System.getProperty("suite.keycloak", "http://127.0.0.1:8180");
    static final String TOKEN_URL = KEYCLOAK + "/realms/safesessions/protocol/openid-connect/token";
    static final String CONSENT = System.getProperty("suite.consent", "http://127.0.0.1:8081");
    static final String SESSION = System.getProperty("suite.session", "http://127.0.0.1:8082");
    static final String SAFEGUARDING = System.getProperty("suite.safeguarding", "http://127.0.0.1:8083");
    static final String NOTIFICATION = System.getProperty("suite.notification", "http://127.0.0.1:8084");
    static final String MAIL_API = System.getProperty("suite.mail-api", "http://127.0.0.1:8025");

    private Suite() {
    }

    /** A demo user's access token from Keycloak (password grant through the staff-portal client). */
    static String tokenOf(String user) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "staff-portal",
                        "username", user, "password", user))
                .post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }

    /** A partner council's access token (client credentials). */
    static String clientToken(String clientId) {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", clientId,
                        "client_secret", clientId))
                .post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(tokenOf(user));
    }

    /** Messages GreenMail received for an address (its REST API answers 400 for an address it never saw). */
    static List<Map<String, Object>> mailTo(String address) {
        var response = given().get(MAIL_API + "/api/user/" + address + "/messages/");
        if (response.statusCode() == 400) {
            return List.of();
        }
        return response.then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** A consent given yesterday is active whenever the tests run. */
    static String yesterday() {
        return java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1).withNano(0).toString();
    }

    static <T> T await(String what, Duration timeout, Supplier<T> attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("timed out after " + timeout.toSeconds() + " s waiting until " + what);
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
