package org.safesessions.zoomsim.state;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two states Zoom's meeting schema knows; ending a scheduled meeting returns it to waiting. */
public enum MeetingStatus {
    WAITING, STARTED;

    @JsonValue
    public String zoomName() {
        return name().toLowerCase();
    }
}
