package org.safesessions.session;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.safesessions.testkit.KafkaResource;
import org.safesessions.testkit.KeycloakResource;
import org.safesessions.testkit.PostgresResource;

/** The real parts every session-service test runs against: PostgreSQL, a Kafka broker, the Zoom simulator and Keycloak's
 * staff directory (a stand-in seeded from the realm file), started once. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ZoomSimulatorResource.class)
@QuarkusTestResource(value = KeycloakResource.class, initArgs = @ResourceArg(name = "client", value = "session-service"))
public class SessionTestStack {
}
