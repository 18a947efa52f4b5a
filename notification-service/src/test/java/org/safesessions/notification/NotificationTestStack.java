package org.safesessions.notification;

import io.quarkus.test.common.QuarkusTestResource;
import org.safesessions.testkit.KafkaResource;
import org.safesessions.testkit.PostgresResource;
import org.safesessions.testkit.SmtpResource;

/** The real parts notification-service tests run against: PostgreSQL, Kafka and an SMTP server. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(ConsentServiceStub.class)
public class NotificationTestStack {
}
