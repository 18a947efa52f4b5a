package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.safesessions.zoomsim.state.Meeting;
import org.safesessions.zoomsim.state.MeetingStatus;

/** The 200 body of {@code GET /meetings/{meetingId}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingResponse(
        long id,
        String uuid,
        String hostId,
        String hostEmail,
        String topic,
        int type,
        MeetingStatus status,
        String startTime,
        Integer duration,
        String timezone,
        String agenda,
        String createdAt,
        String password,
        String encryptedPassword,
        String joinUrl,
        String startUrl,
        boolean preSchedule,
        JsonNode settings,
        JsonNode recurrence,
        JsonNode trackingFields) {

    static MeetingResponse of(Meeting meeting) {
        return new MeetingResponse(
                meeting.id(),
                meeting.uuid(),
                meeting.host().id(),
                meeting.host().email(),
                meeting.topic(),
                meeting.type(),
                meeting.status(),
                ZoomTime.format(meeting.startTime()),
                meeting.duration(),
                meeting.timezone(),
                meeting.agenda(),
                ZoomTime.format(meeting.createdAt()),
                meeting.password(),
                meeting.encryptedPassword(),
                meeting.joinUrl(),
                meeting.startUrl(),
                false,
                meeting.settings(),
                meeting.recurrence(),
                meeting.trackingFields());
    }
}
