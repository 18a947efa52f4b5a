package org.safesessions.zoomsim.state;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A registrant's standing. Zoom lists only pending, approved and denied; a cancelled
 * registration is gone from its lists but kept here so tests can see it was cancelled.
 */
public enum RegistrantStatus {
    PENDING, APPROVED, DENIED, CANCELLED;

    @JsonValue
    public String zoomName() {
        return name().toLowerCase();
    }

    public static RegistrantStatus fromZoomName(String name) {
        return valueOf(name.toUpperCase());
    }
}
