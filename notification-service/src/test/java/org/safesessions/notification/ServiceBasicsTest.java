package org.safesessions.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.safesessions.testkit.ServiceBasicsContract;

import java.util.Map;
import java.util.Set;

/** Health, readiness, OpenAPI, metrics and problem+json, against the module's real parts (its *TestStack). */
@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    /** The in-app feed also as server-sent events (SPEC §6). */
    @Override
    protected Map<String, Set<String>> statedMediaTypes() {
        return Map.of("GET /me/notifications/stream", Set.of("text/event-stream"));
    }
}
