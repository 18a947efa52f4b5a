package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.safesessions.zoomsim.state.Meeting;
import org.safesessions.zoomsim.state.Registrant;

/** The 201 body of {@code POST /meetings/{meetingId}/registrants}: {@code id} is the meeting's. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegistrantCreatedResponse(long id, String registrantId, String joinUrl, String topic, String startTime) {

    static RegistrantCreatedResponse of(Meeting meeting, Registrant registrant) {
        return new RegistrantCreatedResponse(meeting.id(), registrant.registrantId(), registrant.joinUrl(),
                meeting.topic() == null ? "" : meeting.topic(), ZoomTime.format(meeting.startTime()));
    }
}
