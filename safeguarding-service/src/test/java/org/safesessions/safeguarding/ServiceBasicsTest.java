package org.safesessions.safeguarding;

import io.quarkus.test.junit.QuarkusTest;
import org.safesessions.testkit.ServiceBasicsContract;

import java.util.Map;
import java.util.Set;

/** Health, readiness, OpenAPI, metrics and problem+json, against the module's real parts (its *TestStack). */
@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected Map<String, Set<String>> statedMediaTypes() {
        return Map.of("GET /concerns/{id}/bundle", Set.of("application/pdf"));
    }
}
