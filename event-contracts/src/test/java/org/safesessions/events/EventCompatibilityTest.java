package org.safesessions.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the consumers of published events. {@code src/test/resources/published/} holds one sample of every
 * event type as it was first published. A payload record that drops, renames or retypes a field fails here:
 * publish a new version (…V2, a new type string) instead and keep the old one until its consumers have moved.
 */
class EventCompatibilityTest {

    /** Strict: a field in a published sample that the record no longer has is a breaking change. */
    private final ObjectMapper strict = EventJson.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @TestFactory
    Stream<DynamicTest> publishedEventsStillReadAndWriteEveryField() {
        return EventType.ALL.stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            JsonNode published = published(type);
            Object payload = strict.treeToValue(published, type.payloadClass());
            JsonNode written = EventJson.tree(payload);
            for (Iterator<String> names = published.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                assertTrue(written.hasNonNull(field), type.type() + " no longer writes " + field);
                assertEquals(published.get(field).getNodeType(), written.get(field).getNodeType(),
                        type.type() + " changed the JSON type of " + field);
            }
        }));
    }

    @Test
    void everyEventTypeHasAPublishedSampleAndAUniqueName() {
        for (EventType<?> type : EventType.ALL) {
            assertNotNull(getClass().getResourceAsStream("/published/" + type.type() + ".json"),
                    "add a sample of " + type.type() + " to src/test/resources/published/");
            assertTrue(type.type().matches("safesessions\\.[a-z-]+\\.[a-z-]+\\.v\\d+"), type.type());
        }
        assertEquals(EventType.ALL.size(), EventType.ALL.stream().map(EventType::type).distinct().count());
    }

    @Test
    void envelopeRoundTripsAsCloudEvent() {
        String json = """
                {"specversion":"1.0","id":"e1","source":"/consent-service","type":"safesessions.consent.withdrawn.v1",
                 "subject":"5d1c8f0e-7a51-4c1b-8f7a-2f0e9b6d4c21","time":"2026-12-01T09:00:00Z",
                 "datacontenttype":"application/json",
                 "data":{"consentId":"5d1c8f0e-7a51-4c1b-8f7a-2f0e9b6d4c21","youngPersonId":"0b6f4b8e-3f7e-4a49-9c39-1d1f7c8e2a10",
                         "organisation":"org-a","scope":"GROUP_SESSIONS","withdrawnAt":"2026-12-01T09:00:00Z"}}""";
        CloudEvent event = EventJson.readEnvelope(json);
        var withdrawn = event.payload(EventType.CONSENT_WITHDRAWN);
        assertEquals("org-a", withdrawn.organisation());
        assertFalse(EventJson.write(event).contains("\"data\":null"));
    }

    private JsonNode published(EventType<?> type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/published/" + type.type() + ".json")) {
            assertNotNull(in, "no published sample for " + type.type());
            return strict.readTree(in);
        }
    }
}
