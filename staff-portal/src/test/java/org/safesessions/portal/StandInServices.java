package org.safesessions.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * One WireMock server stands in for the four services (their paths do not overlap), so the portal's own tests run
 * without the stack. The real services are met in system-tests' browser journeys.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of("portal.services.consent", url, "portal.services.session", url,
                "portal.services.safeguarding", url, "portal.services.notification", url);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
