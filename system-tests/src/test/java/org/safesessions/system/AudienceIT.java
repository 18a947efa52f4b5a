package org.safesessions.system;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Each service accepts only tokens meant for it (SPEC §2 "Audience"), with real Keycloak tokens: the realm's
 * audience mappers give each client the services it calls, and a valid token of the realm without a service's
 * audience is 401 problem+json there, even where its role would be enough. Without the audience check these
 * requests would be 403 (wrong role) or pass (right role), not 401.
 */
class AudienceIT {

    private static final String NOBODY = UUID.randomUUID().toString();

    @Test
    void staffTokensFromTheStaffPortalAreAcceptedByEveryService() {
        String coordinator = Suite.tokenOf("coord-a");

        assertEquals(200, status(coordinator, Suite.CONSENT + "/young-people"));
        assertEquals(200, status(coordinator, Suite.SESSION + "/sessions"));
        assertEquals(200, status(coordinator, Suite.SAFEGUARDING + "/concerns"));
        assertEquals(200, status(coordinator, Suite.NOTIFICATION + "/me/notifications"));
    }

    @Test
    void aPartnerCouncilsTokenIsAcceptedOnlyBySafeguardingService() {
        String council = Suite.clientToken("council-e09000024");

        assertEquals(200, status(council, Suite.SAFEGUARDING + "/council/referrals"));
        assertRefused(council, Suite.CONSENT + "/young-people");
        assertRefused(council, Suite.SESSION + "/sessions");
        assertRefused(council, Suite.NOTIFICATION + "/notifications");
    }

    @Test
    void notificationServicesTokenIsAcceptedOnlyByTheServicesItReadsFrom() {
        String notificationService = Suite.clientToken("notification-service");

        // Past the audience and role checks (an unknown young person or invitation then answers 4xx, not 401/403).
        assertPastAudienceAndRole(notificationService,
                Suite.CONSENT + "/young-people/" + NOBODY + "/contacts?organisation=org-a");
        assertPastAudienceAndRole(notificationService,
                Suite.SESSION + "/sessions/" + NOBODY + "/invitations/" + NOBODY + "/join-details");
        assertRefused(notificationService, Suite.SAFEGUARDING + "/concerns");
        assertRefused(notificationService, Suite.NOTIFICATION + "/notifications");
    }

    @Test
    void aServiceAccountThatCallsOnlyKeycloakIsRefusedByEveryService() {
        // session-service's own account reads Keycloak's staff directory: its tokens name none of our services.
        String sessionServiceAccount = Suite.clientToken("session-service");

        assertRefused(sessionServiceAccount, Suite.CONSENT + "/young-people");
        assertRefused(sessionServiceAccount, Suite.SESSION + "/sessions");
        assertRefused(sessionServiceAccount, Suite.SAFEGUARDING + "/concerns");
        assertRefused(sessionServiceAccount, Suite.NOTIFICATION + "/notifications");
    }

    private static int status(String token, String url) {
        return given().auth().oauth2(token).accept("application/json").get(url).statusCode();
    }

    private static void assertPastAudienceAndRole(String token, String url) {
        int status = status(token, url);
        assertNotEquals(401, status, url);
        assertNotEquals(403, status, url);
    }

    private static void assertRefused(String token, String url) {
        Response response = given().auth().oauth2(token).accept("application/json").get(url);
        assertEquals(401, response.statusCode(), url);
        response.then().contentType(startsWith("application/problem+json"));
    }
}
