package org.safesessions.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.safesessions.testkit.KafkaResource;
import org.safesessions.testkit.KeycloakResource;
import org.safesessions.testkit.PostgresResource;
import org.safesessions.testkit.SmtpResource;

/**
 * The real parts notification-service tests run against: PostgreSQL, Kafka, an SMTP server, an SMS gateway over HTTP
 * (WireMock), and Keycloak's staff directory (test-kit's stand-in seeded from the realm file, read as the
 * notification-service client).
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(ConsentServiceStub.class)
@QuarkusTestResource(SmsGatewayStub.class)
@QuarkusTestResource(value = KeycloakResource.class, initArgs = @ResourceArg(name = "client", value = "notification-service"))
public class NotificationTestStack {
}
