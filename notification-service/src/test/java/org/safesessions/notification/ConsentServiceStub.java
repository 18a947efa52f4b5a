package org.safesessions.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stands in for what this service calls over HTTP: consent-service's contact lookup, session-service's join details
 * and Keycloak's token endpoint (one WireMock server). The real ones are exercised by system-tests on the running stack.
 */
public class ConsentServiceStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathEqualTo("/realms/safesessions/protocol/openid-connect/token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        return Map.of(
                "quarkus.rest-client.consent-service.url", server.baseUrl(),
                "quarkus.rest-client.session-service.url", server.baseUrl(),
                "quarkus.oidc-client.auth-server-url", server.baseUrl() + "/realms/safesessions",
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", "/protocol/openid-connect/token",
                "quarkus.oidc-client.credentials.secret", "test-secret");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
