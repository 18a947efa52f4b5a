package org.safesessions.kit.inbox;

import org.safesessions.events.CloudEvent;
import org.safesessions.events.EventPayload;
import org.safesessions.events.EventType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a consumer does with each event type it cares about: one handler per {@link EventType}, given the event's
 * payload read as that type's record. Events of other types are not this consumer's business and are ignored
 * (they are still recorded as processed by the {@link Inbox}). Build it once and pass it to
 * {@link Inbox#process(String, String, Consumer)}:
 *
 * <pre>{@code
 * EventHandlers handlers = EventHandlers.builder()
 *         .on(EventType.CONSENT_GRANTED, this::granted)
 *         .on(EventType.CONSENT_WITHDRAWN, this::withdrawn)
 *         .build();
 * }</pre>
 */
public final class EventHandlers implements Consumer<CloudEvent> {

    private final Map<String, Consumer<CloudEvent>> byType;

    private EventHandlers(Map<String, Consumer<CloudEvent>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the handler registered for the event's type, if any. */
    @Override
    public void accept(CloudEvent event) {
        Consumer<CloudEvent> handler = byType.get(event.type());
        if (handler != null) {
            handler.accept(event);
        }
    }

    /** The CloudEvents types handled. */
    public Set<String> types() {
        return byType.keySet();
    }

    public static final class Builder {

        private final Map<String, Consumer<CloudEvent>> byType = new LinkedHashMap<>();

        /** Handles events of {@code type} with their payload. */
        public <T extends EventPayload> Builder on(EventType<T> type, Consumer<T> handler) {
            return register(type, event -> handler.accept(event.payload(type)));
        }

        /** Handles events of {@code type} with the envelope too (its id, source or time) as well as the payload. */
        public <T extends EventPayload> Builder onEvent(EventType<T> type, BiConsumer<CloudEvent, T> handler) {
            return register(type, event -> handler.accept(event, event.payload(type)));
        }

        private Builder register(EventType<?> type, Consumer<CloudEvent> handler) {
            if (byType.putIfAbsent(type.type(), handler) != null) {
                throw new IllegalStateException("two handlers for " + type.type());
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
