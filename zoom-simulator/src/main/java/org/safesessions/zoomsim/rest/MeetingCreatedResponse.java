package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.safesessions.zoomsim.state.Meeting;

/** The 201 body of {@code POST /users/{userId}/meetings}; unlike GET it has no uuid, host_id or status. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingCreatedResponse(
        long id,
        String hostEmail,
        String topic,
        int type,
        String startTime,
        Integer duration,
        String timezone,
        String agenda,
        String createdAt,
        String password,
        String joinUrl,
        String startUrl,
        String registrationUrl,
        boolean preSchedule,
        JsonNode settings,
        JsonNode recurrence,
        JsonNode trackingFields) {

    static MeetingCreatedResponse of(Meeting meeting) {
        return new MeetingCreatedResponse(
                meeting.id(),
                meeting.host().email(),
                meeting.topic(),
                meeting.type(),
                ZoomTime.format(meeting.startTime()),
                meeting.duration(),
                meeting.timezone(),
                meeting.agenda(),
                ZoomTime.format(meeting.createdAt()),
                meeting.password(),
                meeting.joinUrl(),
                meeting.startUrl(),
                meeting.registrationLink().orElse(null),
                false,
                meeting.settings(),
                meeting.recurrence(),
                meeting.trackingFields());
    }
}
