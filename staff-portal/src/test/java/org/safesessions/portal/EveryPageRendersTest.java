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

/** Every page a coordinator reaches renders from the services' answers (the browser journey covers them live). */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
class EveryPageRendersTest {

    static final String SESSION = "55555555-5555-5555-5555-555555555555";
    static final String YP = "22222222-2222-2222-2222-222222222222";
    static final String CONSENT = "44444444-4444-4444-4444-444444444444";
    static final String CONCERN = "66666666-6666-6666-6666-666666666666";
    static final String REQUEST = "77777777-7777-7777-7777-777777777777";

    WireMockServer services;

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/young-people")).willReturn(okJson("""
                {"items":[{"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04","localAuthorityCode":"E09000024",
                 "registeredAt":"2026-11-01T10:00:00Z"}],"page":0,"size":20,"total":45}""".formatted(YP))));
        services.stubFor(get(urlPathEqualTo("/young-people/" + YP)).willReturn(okJson("""
                {"id":"%s","preferredName":"Alex","dateOfBirth":"2012-03-04"}""".formatted(YP))));
        services.stubFor(get(urlPathEqualTo("/consents/" + CONSENT)).willReturn(okJson("""
                {"id":"%s","scope":"GROUP_SESSIONS","platforms":["ZOOM"],"status":"ACTIVE"}""".formatted(CONSENT))));
        services.stubFor(get(urlPathEqualTo("/sessions")).willReturn(okJson("""
                {"items":[{"id":"%s","kind":"GROUP","title":"Art club","platform":"ZOOM","startsAt":"2026-12-03T16:00:00Z","status":"SCHEDULED"}],
                 "page":0,"size":100,"total":1}""".formatted(SESSION))));
        services.stubFor(get(urlPathEqualTo("/sessions/" + SESSION)).willReturn(okJson("""
                {"id":"%s","kind":"GROUP","title":"Art club","platform":"ZOOM","startsAt":"2026-12-03T16:00:00Z","durationMinutes":60,
                 "status":"STARTED","startedAt":"2026-12-03T16:01:00Z","facilitators":["worker-a","worker2-a"],
                 "invitations":[{"youngPersonId":"%s","status":"INVITED","invitationReady":true}],
                 "provisioning":{"state":"FAILED","attempts":3,"failure":"Zoom answered 500"},
                 "checklist":{"briefingGiven":true,"groundRulesAgreed":false,"groundRulesNeeded":false,"organisationDevices":true,"complete":true,
                 "recordedBy":"worker-a","recordedAt":"2026-12-03T15:50:00Z"}}""".formatted(SESSION, YP))));
        services.stubFor(get(urlPathEqualTo("/concerns")).willReturn(okJson("""
                {"items":[{"id":"%s","reference":"SG-2026-0001","subjectType":"YOUNG_PERSON","categories":["CYBERBULLYING"],"risk":"HIGH",
                 "status":"RAISED","raisedBy":"worker-a","raisedAt":"2026-12-03T16:20:00Z"}],"page":0,"size":20,"total":1}""".formatted(CONCERN))));
        services.stubFor(get(urlPathEqualTo("/concerns/" + CONCERN)).willReturn(okJson("""
                {"id":"%s","reference":"SG-2026-0001","subjectType":"YOUNG_PERSON","sessionId":"%s","categories":["CYBERBULLYING"],
                 "risk":"HIGH","status":"RAISED","raisedBy":"coord-a","raisedAt":"2026-12-03T16:20:00Z"}""".formatted(CONCERN, SESSION))));
        services.stubFor(get(urlPathEqualTo("/one-to-one-requests")).willReturn(okJson("""
                [{"id":"%s","youngPersonId":"%s","recordedBy":"coord-a","requestedAt":"2026-12-01T10:00:00Z"}]""".formatted(REQUEST, YP))));
        services.stubFor(get(urlPathEqualTo("/one-to-one-requests/" + REQUEST)).willReturn(okJson("""
                {"id":"%s","youngPersonId":"%s","recordedBy":"coord-a","requestedAt":"2026-12-01T10:00:00Z"}""".formatted(REQUEST, YP))));
    }

    @Test
    void youngPeopleListIsPaged() {
        given().get("/young-people").then().statusCode(200)
                .body(containsString("Alex"), containsString("45 young people"), containsString("page=1"));
    }

    @Test
    void withdrawalAsksForAReason() {
        given().get("/young-people/" + YP + "/consents/" + CONSENT + "/withdrawal").then().statusCode(200)
                .body(containsString("Withdraw consent for group sessions"), containsString("name=\"reason\""));
    }

    @Test
    void sessionsListAndAStartedSession() {
        given().get("/sessions").then().statusCode(200).body(containsString("Art club"), containsString("Book a group session"));
        given().get("/sessions/" + SESSION).then().statusCode(200)
                .body(containsString("Could not be set up"), containsString("End session"), containsString("Attended"),
                        containsString("End the session early"), containsString("The checklist was completed by worker-a"));
    }

    @Test
    void rescheduleAndCancel() {
        given().get("/sessions/" + SESSION + "/reschedule").then().statusCode(200)
                .body(containsString("value=\"worker2-a\""), containsString("value=\"16:00\""));
        given().get("/sessions/" + SESSION + "/cancellation").then().statusCode(200)
                .body(containsString("Are you sure you want to cancel Art club?"));
    }

    @Test
    void concerns() {
        given().get("/concerns").then().statusCode(200).body(containsString("SG-2026-0001"), containsString("Cyberbullying"));
        given().get("/concerns/" + CONCERN).then().statusCode(200).body(containsString("SG-2026-0001"), containsString("This is a summary"));
    }

    @Test
    void oneToOnes() {
        given().get("/one-to-ones").then().statusCode(200).body(containsString("Alex"), containsString("/one-to-ones/" + REQUEST + "/schedule"));
        given().get("/one-to-ones/" + REQUEST + "/schedule").then().statusCode(200).body(containsString("Schedule a one-to-one"));
    }

    @Test
    void signedOutPageNeedsNoSignIn() {
        given().get("/signed-out").then().statusCode(200).body(containsString("You have signed out"));
    }
}
