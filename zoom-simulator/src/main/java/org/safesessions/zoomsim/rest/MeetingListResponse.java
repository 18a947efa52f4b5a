package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.safesessions.zoomsim.state.Meeting;

import java.util.List;

/** The 200 body of {@code GET /users/{userId}/meetings}: one page, Zoom-style. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MeetingListResponse(
        int pageSize,
        int totalRecords,
        String nextPageToken,
        List<Item> meetings) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(long id, String uuid, String hostId, String topic, int type, String startTime, Integer duration,
                       String timezone, String agenda, String createdAt, String joinUrl) {

        static Item of(Meeting m) {
            // Zoom truncates the agenda to 250 characters in lists
            String agenda = m.agenda() == null ? null : m.agenda().substring(0, Math.min(250, m.agenda().length()));
            return new Item(m.id(), m.uuid(), m.host().id(), m.topic(), m.type(), ZoomTime.format(m.startTime()),
                    m.duration(), m.timezone(), agenda, ZoomTime.format(m.createdAt()), m.joinUrl());
        }
    }

    /** {@code next_page_token} is the offset of the next page, empty on the last one. */
    static MeetingListResponse page(List<Meeting> all, int offset, int pageSize) {
        int from = Math.min(offset, all.size());
        int to = Math.min(from + pageSize, all.size());
        return new MeetingListResponse(pageSize, all.size(), to < all.size() ? Integer.toString(to) : "",
                all.subList(from, to).stream().map(Item::of).toList());
    }
}
