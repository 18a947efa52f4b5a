package org.safesessions.kit.inbox;

import org.junit.jupiter.api.Test;
import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventJson;
import org.safesessions.events.EventPayload;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.ConsentWithdrawnV1;
import org.safesessions.events.safeguarding.ConcernClosedV1;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventHandlersTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    private static CloudEvent event(EventPayload payload) {
        EventType<?> type = EventType.forPayload(payload.getClass());
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/test", type.type(),
                UUID.randomUUID().toString(), NOW, "application/json", EventJson.tree(payload));
    }

    @Test
    void eachEventGoesToTheHandlerOfItsTypeWithItsPayload() {
        List<Object> seen = new ArrayList<>();
        EventHandlers handlers = EventHandlers.builder()
                .on(EventType.CONSENT_WITHDRAWN, seen::add)
                .on(EventType.CONCERN_CLOSED, seen::add)
                .build();
        ConsentWithdrawnV1 withdrawn = new ConsentWithdrawnV1(UUID.randomUUID(), UUID.randomUUID(), "org-a",
                ConsentScope.GROUP_SESSIONS, NOW);

        handlers.accept(event(withdrawn));

        assertEquals(List.of(withdrawn), seen);
    }

    @Test
    void anEventOfATypeNobodyHandlesIsIgnored() {
        List<Object> seen = new ArrayList<>();
        EventHandlers handlers = EventHandlers.builder().on(EventType.CONSENT_WITHDRAWN, seen::add).build();

        handlers.accept(event(new ConcernClosedV1(UUID.randomUUID(), "org-a", "SG-2026-0001", NOW)));

        assertTrue(seen.isEmpty());
        assertEquals(Set.of(EventType.CONSENT_WITHDRAWN.type()), handlers.types());
    }

    @Test
    void aHandlerCanReadTheEnvelope() {
        List<String> ids = new ArrayList<>();
        EventHandlers handlers = EventHandlers.builder()
                .onEvent(EventType.CONCERN_CLOSED, (envelope, closed) -> ids.add(envelope.id()))
                .build();
        CloudEvent closed = event(new ConcernClosedV1(UUID.randomUUID(), "org-a", "SG-2026-0001", NOW));

        handlers.accept(closed);

        assertEquals(List.of(closed.id()), ids);
    }

    @Test
    void twoHandlersForOneTypeAreRefused() {
        assertThrows(IllegalStateException.class, () -> EventHandlers.builder()
                .on(EventType.CONSENT_WITHDRAWN, w -> { })
                .on(EventType.CONSENT_WITHDRAWN, w -> { }));
    }
}
