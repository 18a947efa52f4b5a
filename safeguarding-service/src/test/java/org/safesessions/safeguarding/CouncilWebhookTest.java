package org.safesessions.safeguarding;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.application.WebhookDispatcher;
import org.safesessions.safeguarding.client.WebhookSignature;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.safeguarding.application.ConcernWorkflow;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A council's webhook: escalations pushed HMAC-signed, retried with backoff through an endpoint that is down until
 * it comes up, every attempt recorded. The council here (E06000001) is used by no other test.
 */
@QuarkusTest
@TestSecurity(user = "service-account-council-e06000001", roles = "partner-council")
@OidcSecurity(claims = {@Claim(key = "council", value = "E06000001"),
        @Claim(key = "preferred_username", value = "service-account-council-e06000001")})
class CouncilWebhookTest extends SafeguardingTestStack {

    static final String COUNCIL = "E06000001";

    @Inject
    TestClock clock;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    private WireMockServer council;

    @AfterEach
    void cleanUp() {
        clock.reset();
        if (council != null) {
            council.stop();
        }
        given().delete("/council/webhook");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void escalationIsPushedSignedAndRetriedUntilTheCouncilEndpointIsReachable() throws IOException {
        int port = freePort();
        String secret = given().contentType(ContentType.JSON).body("{\"url\":\"http://127.0.0.1:" + port + "/safeguarding/hook\"}")
                .put("/council/webhook").then().statusCode(200)
                .body("council", equalTo(COUNCIL)).body("signingSecret", notNullValue())
                .extract().path("signingSecret");
        given().get("/council/webhook").then().statusCode(200).body("signingSecret", nullValue())
                .body("url", equalTo("http://127.0.0.1:" + port + "/safeguarding/hook"));

        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.IMMEDIATE_DANGER);
        Fixtures.escalate(workflow, "org-a", c.id, COUNCIL);

        // the council's endpoint is down: the attempt is recorded and retried later
        dispatcher.dispatchDue();
        given().get("/council/webhook/deliveries").then().statusCode(200)
                .body("items[0].referralId", equalTo(c.id.toString()))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].deliveredAt", nullValue())
                .body("items[0].nextAttemptAt", notNullValue())
                .body("items[0].history[0].outcome", equalTo("UNREACHABLE"));
        dispatcher.dispatchDue();
        given().get("/council/webhook/deliveries").then().body("items[0].attempts", equalTo(1)); // backing off

        clock.advance(Duration.ofSeconds(11));
        dispatcher.dispatchDue();
        given().get("/council/webhook/deliveries").then().body("items[0].attempts", equalTo(2))
                .body("items[0].history[1].outcome", equalTo("UNREACHABLE"));

        // the endpoint comes up, first answering 503, then accepting
        council = new WireMockServer(options().port(port).bindAddress("127.0.0.1"));
        council.start();
        council.stubFor(post("/safeguarding/hook").willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofSeconds(21));
        dispatcher.dispatchDue();
        given().get("/council/webhook/deliveries").then().body("items[0].attempts", equalTo(3))
                .body("items[0].history[2].outcome", equalTo("REFUSED"))
                .body("items[0].history[2].statusCode", equalTo(503));
        council.stubFor(post("/safeguarding/hook").willReturn(aResponse().withStatus(204)));
        clock.advance(Duration.ofSeconds(41));
        dispatcher.dispatchDue();
        given().get("/council/webhook/deliveries").then()
                .body("items[0].attempts", equalTo(4))
                .body("items[0].deliveredAt", notNullValue())
                .body("items[0].history[3].outcome", equalTo("DELIVERED"))
                .body("items[0].history[3].statusCode", equalTo(204));

        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();
        List<LoggedRequest> pushed = council.findAll(postRequestedFor(urlEqualTo("/safeguarding/hook")));
        assertEquals(2, pushed.size(), "delivered once, never again");
        LoggedRequest delivered = pushed.get(1);
        String body = delivered.getBodyAsString();
        long timestamp = Long.parseLong(delivered.getHeader(WebhookSignature.TIMESTAMP_HEADER));
        assertEquals(WebhookSignature.sign(secret, timestamp, body), delivered.getHeader(WebhookSignature.SIGNATURE_HEADER),
                "HMAC-SHA256 over the timestamp and body with the council's secret");
        assertTrue(body.contains(c.id.toString()) && body.contains(c.reference) && body.contains("IMMEDIATE_DANGER"));
        assertFalse(body.contains("Jamie"), "no narrative pushed: the council reads the referral with its token");
    }

    @Test
    void webhookUrlMustBeAnAbsoluteHttpUrl() {
        for (String url : List.of("ftp://example.org/x", "not a url", "/relative/path", "mailto:someone@example.org")) {
            given().contentType(ContentType.JSON).body("{\"url\":\"" + url + "\"}").put("/council/webhook")
                    .then().statusCode(422).body("rule", equalTo("webhook-url-is-http"));
        }
        given().contentType(ContentType.JSON).body("{}").put("/council/webhook").then().statusCode(400);
        given().get("/council/webhook").then().statusCode(404);
    }
}
