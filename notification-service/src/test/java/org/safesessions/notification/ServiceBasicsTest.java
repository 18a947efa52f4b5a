package org.safesessions.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.safesessions.testkit.ServiceBasicsContract;

/** Health, readiness, OpenAPI, metrics and problem+json, against the module's real parts (its *TestStack). */
@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {
}
