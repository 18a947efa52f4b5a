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

/**
 * notification-service's staff contact details (phone, preferred channel, quiet hours) and delivery records (failed
 * and dead-lettered first, each with "Send again"): what each form sends, refusals at their field, CSRF, and
 * notification-service's 403 for other roles as the portal's "cannot see" page.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "manager-a", roles = "manager")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
class StaffAndDeliveryPagesTest {

    static final String FAILED = "d0000000-0000-0000-0000-000000000001";
    static final String SENT = "d0000000-0000-0000-0000-000000000002";
    static final String DEAD = "d0000000-0000-0000-0000-000000000003";

    WireMockServer services;

    static String delivery(String id, String status, String template) {
        return """
                {"id":"%s","eventId":"e-1","template":"%s","recipientKind":"GUARDIAN","recipientId":"22222222-2222-2222-2222-222222222222",
                 "channel":"EMAIL","urgent":false,"status":"%s","statusReason":%s,"attempts":3,"createdAt":"2026-12-01T10:00:00Z",
                 "nextAttemptAt":"2026-12-01T10:05:00Z"}""".formatted(id, template, status,
                "SENT".equals(status) ? "null" : "\"SMTP answered 550\"");
    }

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/staff")).willReturn(okJson("""
                {"items":[{"id":"k-1","userName":"worker-a","displayName":"Wren Worker","email":"wren@example.org","roles":["YOUTH_WORKER"],
                  "phone":null,"preferredChannel":"EMAIL","quietHours":false}],"page":0,"size":50,"total":1}""")));
        services.stubFor(get(urlPathEqualTo("/staff/worker-a")).willReturn(okJson("""
                {"id":"k-1","userName":"worker-a","displayName":"Wren Worker","email":"wren@example.org","roles":["YOUTH_WORKER"],
                 "phone":"07700 900123","preferredChannel":"SMS","quietHours":true}""")));
        services.stubFor(get(urlPathEqualTo("/notifications")).willReturn(okJson("""
                {"items":[%s,%s,%s],"page":0,"size":50,"total":3}""".formatted(delivery(SENT, "SENT", "session-reminder-24h"),
                delivery(FAILED, "FAILED", "session-invitation"), delivery(DEAD, "DEAD_LETTERED", "session-cancelled")))));
    }

    @Test
    void theStaffListShowsKeycloaksNamesAndTheContactsNotificationServiceKeeps() {
        given().get("/staff").then().statusCode(200)
                .body(containsString("href=\"/staff/worker-a\">Wren Worker</a>"), containsString("wren@example.org"),
                        containsString("Youth worker"), containsString("Not given"));
        services.verify(getRequestedFor(urlPathEqualTo("/staff")).withQueryParam("size", equalTo("50")));
    }

    @Test
    void aMembersContactsAreEditedAndSent() {
        services.stubFor(put(urlPathEqualTo("/staff/worker-a")).willReturn(okJson("{}")));
        given().get("/staff/worker-a").then().statusCode(200)
                .body(containsString("value=\"07700 900123\""), containsString("value=\"SMS\" checked"),
                        containsString("id=\"quietHours\" name=\"quietHours\" type=\"checkbox\" value=\"true\" checked"));
        Forms.from("/staff/worker-a").post().formParam("phone", " 07700 900999 ").formParam("preferredChannel", "SMS")
                .formParam("quietHours", "true")
                .post("/staff/worker-a").then().statusCode(303).header("Location", endsWith("/staff?done=saved"));
        services.verify(putRequestedFor(urlPathEqualTo("/staff/worker-a")).withRequestBody(equalToJson("""
                {"phone":"07700 900999","preferredChannel":"SMS","quietHours":true}""")));
    }

    @Test
    void aPhoneThatIsNotOneIsSaidAtThePhoneField() {
        services.stubFor(put(urlPathEqualTo("/staff/worker-a")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"errors":[{"field":"phone","message":"must be a phone number"}]}""")));
        Forms.from("/staff/worker-a").post().formParam("phone", "call me").formParam("preferredChannel", "EMAIL")
                .post("/staff/worker-a").then().statusCode(200)
                .body(containsString("<a href=\"#phone\">Phone must be a phone number</a>"), containsString("value=\"call me\""));
    }

    @Test
    void forgettingContactsDeletesThem() {
        services.stubFor(delete(urlPathEqualTo("/staff/worker-a")).willReturn(aResponse().withStatus(204)));
        Forms.from("/staff/worker-a").post().post("/staff/worker-a/forget").then().statusCode(303)
                .header("Location", endsWith("/staff?done=forgotten"));
        services.verify(deleteRequestedFor(urlPathEqualTo("/staff/worker-a")));
    }

    @Test
    void anotherOrganisationsMemberIsTheServices404() {
        services.stubFor(get(urlPathEqualTo("/staff/worker-b")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        given().get("/staff/worker-b").then().statusCode(404);
    }

    @Test
    void failedAndDeadLetteredMessagesComeFirstEachWithSendAgain() {
        String page = given().get("/deliveries").then().statusCode(200)
                .body(containsString("Failed and dead-lettered"), containsString("2 messages not delivered"),
                        containsString("action=\"/deliveries/" + FAILED + "/retry\""),
                        containsString("action=\"/deliveries/" + DEAD + "/retry\""),
                        not(containsString("action=\"/deliveries/" + SENT + "/retry\"")), containsString("SMTP answered 550"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.indexOf("Session invitation") < page.indexOf("Session reminder 24h"),
                "the failed one is listed before the sent one");
    }

    @Test
    void sendAgainQueuesItAndARefusalIsSaidInPlainEnglish() {
        services.stubFor(post(urlPathEqualTo("/notifications/" + FAILED + "/retry")).willReturn(okJson(delivery(FAILED, "QUEUED", "session-invitation"))));
        Forms.from("/deliveries").post().post("/deliveries/" + FAILED + "/retry").then().statusCode(303)
                .header("Location", endsWith("/deliveries?done=retried"));
        services.verify(postRequestedFor(urlPathEqualTo("/notifications/" + FAILED + "/retry")));
        services.stubFor(post(urlPathEqualTo("/notifications/" + DEAD + "/retry")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":409,"rule":"only-failed-messages-are-retried"}""")));
        Forms.from("/deliveries").post().post("/deliveries/" + DEAD + "/retry").then().statusCode(200)
                .body(containsString("<a href=\"#failed\">Only failed messages can be sent again</a>"));
    }

    @Test
    void withoutACsrfTokenNothingIsSent() {
        String cookie = Forms.from("/deliveries").cookie();
        for (String path : new String[]{"/deliveries/" + FAILED + "/retry", "/staff/worker-a", "/staff/worker-a/forget"}) {
            given().redirects().follow(false).cookie("portal-csrf", cookie).contentType("application/x-www-form-urlencoded")
                    .formParam("phone", "07700 900123").post(path).then().statusCode(403);
        }
        services.verify(0, postRequestedFor(urlPathMatching("/notifications/.*")));
        services.verify(0, putRequestedFor(urlPathMatching("/staff/.*")));
        services.verify(0, deleteRequestedFor(urlPathMatching("/staff/.*")));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void notificationServicesRefusalOfOtherRolesIsTheCannotSeePage() {
        services.stubFor(get(urlPathEqualTo("/notifications")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        services.stubFor(get(urlPathEqualTo("/staff")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        given().get("/deliveries").then().statusCode(403).body(not(containsString("Send again")));
        given().get("/staff").then().statusCode(403).body(not(containsString("wren@example.org")));
    }

    @Test
    void notificationServiceDownIsAClearPage() {
        services.stubFor(get(urlPathEqualTo("/notifications")).willReturn(aResponse().withStatus(503)));
        given().get("/deliveries").then().statusCode(503).body(containsString("notifications"));
    }
}
