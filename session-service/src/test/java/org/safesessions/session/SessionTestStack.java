package org.safesessions.session;

import io.quarkus.test.common.QuarkusTestResource;
import org.safesessions.testkit.KafkaResource;
import org.safesessions.testkit.PostgresResource;

/** The real parts every session-service test runs against: PostgreSQL, a Kafka broker and the Zoom simulator, started once. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ZoomSimulatorResource.class)
public class SessionTestStack {
}
