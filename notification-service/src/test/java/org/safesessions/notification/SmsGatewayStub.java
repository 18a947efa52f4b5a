package org.safesessions.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.safesessions.events.EventJson;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * An SMS gateway over HTTP (WireMock): the service sends every text with its {@code http} provider, and the gateway
 * accepts each one with the right bearer key (202). Tests stub other answers for particular numbers (refusal, 5xx,
 * slowness) and read what the gateway received.
 */
public class SmsGatewayStub implements QuarkusTestResourceLifecycleManager {

    static final String PATH = "/v1/messages";
    static final String API_KEY = "test-sms-key";
    static final String RECEIPT_SECRET = "test-receipt-secret";

    static WireMockServer server;

    /** A text as the gateway received it. */
    record Text(String to, String text, String reference, String authorization, String contentType) {
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20));
        server.start();
        acceptEverything();
        return Map.of(
                "notification.sms.provider", "http",
                "notification.sms.http.url", server.baseUrl() + PATH,
                "notification.sms.http.api-key", API_KEY,
                "notification.sms.http.timeout", "1s",
                "notification.sms.http.receipt-secret", RECEIPT_SECRET);
    }

    static void acceptEverything() {
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(10)
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"accepted\"}")));
    }

    /** Every text the gateway received, oldest first. */
    static List<Text> received() {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH))).stream().map(SmsGatewayStub::text).toList();
    }

    private static Text text(LoggedRequest request) {
        try {
            JsonNode body = EventJson.mapper().readTree(request.getBodyAsString());
            return new Text(body.path("to").asText(), body.path("text").asText(), body.path("reference").asText(),
                    request.getHeader("Authorization"), request.getHeader("Content-Type"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
