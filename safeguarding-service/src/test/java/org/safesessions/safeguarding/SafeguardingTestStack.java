package org.safesessions.safeguarding;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.safesessions.testkit.KafkaResource;
import org.safesessions.testkit.KeycloakResource;
import org.safesessions.testkit.PostgresResource;

/**
 * The real parts every safeguarding-service test runs against: PostgreSQL, a Kafka broker and Keycloak's staff
 * directory (test-kit's stand-in seeded from the realm file, read as the safeguarding-service client), started once.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = KeycloakResource.class, initArgs = @ResourceArg(name = "client", value = "safeguarding-service"))
public class SafeguardingTestStack {
}
