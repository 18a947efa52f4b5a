package org.safesessions.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. {@code data} carries the versioned payload record:
 * ids, codes and times only, never narratives, contact details or other free text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    /** The payload as its record class, checked against the catalogue. */
    public <T extends EventPayload> T payload(EventType<T> expected) {
        if (!expected.type().equals(type)) {
            throw new IllegalArgumentException("event " + id + " is " + type + ", not " + expected.type());
        }
        return EventJson.read(data, expected.payloadClass());
    }
}
