package org.safesessions.zoomsim.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a client may set on a meeting, read from a create or update body that has
 * already passed the contract check. A field left out (null) keeps its value.
 * {@code schedule_for} on an update moves the meeting to that host (Zoom's way to hand a meeting
 * to another user of the account); other fields Zoom accepts but never returns (template_id, ...) are dropped.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeetingDetails(
        String topic,
        Integer type,
        String startTime,
        Integer duration,
        String timezone,
        String agenda,
        String password,
        ObjectNode settings,
        JsonNode recurrence,
        JsonNode trackingFields,
        String scheduleFor) {
}
