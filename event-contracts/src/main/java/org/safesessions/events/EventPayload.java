package org.safesessions.events;

/** Marker for event payload records. Every payload carries the organisation it belongs to. */
public interface EventPayload {
    String organisation();
}
