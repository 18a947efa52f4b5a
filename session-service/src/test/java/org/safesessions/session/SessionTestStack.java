package org.safesessions.session;

import io.quarkus.test.common.QuarkusTestResource;
import org.safesessions.testkit.KafkaResource;
import org.safesessions.testkit.PostgresResource;

/** The real parts every session-service test runs against: PostgreSQL and a Kafka broker, started once. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
public class SessionTestStack {
}
