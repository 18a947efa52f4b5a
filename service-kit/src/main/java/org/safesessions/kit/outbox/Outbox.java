package org.safesessions.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventPayload;
import org.safesessions.events.EventType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The only way a service publishes an event. {@code MANDATORY}: the event is stored in the caller's transaction,
 * so it exists exactly when the state change it reports does. {@link OutboxRelay} sends it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;

    @Inject
    Event<OutboxWritten> written;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @Inject
    OutboxConfig config;

    /** Stores {@code payload} as an event about {@code aggregateId}; its type, topic and aggregate type come from {@link EventType}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(UUID aggregateId, EventPayload payload) {
        EventType<?> type = EventType.forPayload(payload.getClass());
        String topic = type.topic().topicName();
        // Its own topic only (see OutboxConfig.topic): the cluster would refuse the relay anything else.
        if (!config.topic().map(topic::equals).orElse(false)) {
            throw new IllegalStateException(serviceName + " may publish only to safesessions.outbox.topic ("
                    + config.topic().orElse("not set") + "); " + type.type() + " belongs to " + topic);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/" + serviceName,
                type.type(), aggregateId.toString(), now, "application/json", EventJson.tree(payload));

        OutboxMessage message = new OutboxMessage();
        message.id = UUID.fromString(event.id());
        message.aggregateType = type.aggregateType();
        message.aggregateId = aggregateId.toString();
        message.eventType = type.type();
        message.topic = topic;
        message.envelope = EventJson.write(event);
        message.createdAt = now;
        message.persist();
        written.fire(new OutboxWritten(message.id));
        return event;
    }

    /** Fired in the writing transaction; the relay reacts once that transaction has committed. */
    public record OutboxWritten(UUID messageId) {
    }
}
