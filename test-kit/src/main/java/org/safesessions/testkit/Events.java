package org.safesessions.testkit;

import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventPayload;
import org.safesessions.events.EventType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Events as another service would publish them, for consumer tests. */
public final class Events {

    private Events() {
    }

    /** A CloudEvent JSON record carrying {@code payload}, with a fresh event id. */
    public static String envelope(String source, UUID aggregateId, EventPayload payload) {
        EventType<?> type = EventType.forPayload(payload.getClass());
        return EventJson.write(new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source,
                type.type(), aggregateId.toString(), OffsetDateTime.now(ZoneOffset.UTC), "application/json",
                EventJson.tree(payload)));
    }

    /** Publishes {@code payload} on its topic, keyed by {@code aggregateId}; returns the record sent. */
    public static String publish(String source, UUID aggregateId, EventPayload payload) {
        String record = envelope(source, aggregateId, payload);
        KafkaProbe.send(EventType.forPayload(payload.getClass()).topic().topicName(), aggregateId.toString(), record);
        return record;
    }

    public static String idOf(String record) {
        return EventJson.readEnvelope(record).id();
    }
}
