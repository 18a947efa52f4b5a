package org.safesessions.kit;

import io.quarkus.test.common.QuarkusTestResource;
import org.safesessions.testkit.KafkaResource;
import org.safesessions.testkit.PostgresResource;

/** The real parts the kit's own Quarkus tests run against: PostgreSQL and a Kafka broker, started once. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
public abstract class KitTestStack {
}
