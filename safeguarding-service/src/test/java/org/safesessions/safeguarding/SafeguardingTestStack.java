package org.safesessions.safeguarding;

import io.quarkus.test.common.QuarkusTestResource;
import org.safesessions.testkit.KafkaResource;
import org.safesessions.testkit.PostgresResource;

/** The real parts every safeguarding-service test runs against: PostgreSQL and a Kafka broker, started once. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
public class SafeguardingTestStack {
}
