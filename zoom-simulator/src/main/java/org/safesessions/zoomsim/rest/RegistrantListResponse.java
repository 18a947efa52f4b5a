package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.safesessions.zoomsim.state.Registrant;
import org.safesessions.zoomsim.state.RegistrantStatus;

/** The 200 body of {@code GET /meetings/{meetingId}/registrants}: one page, Zoom-style. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegistrantListResponse(
        int pageCount,
        int pageSize,
        int totalRecords,
        String nextPageToken,
        List<Item> registrants) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, String email, String firstName, String lastName, RegistrantStatus status,
                       String createTime, String joinUrl) {

        static Item of(Registrant registrant) {
            return new Item(registrant.registrantId(), registrant.email(), registrant.firstName(),
                    registrant.lastName(), registrant.status(), ZoomTime.format(registrant.createTime()),
                    registrant.joinUrl());
        }
    }

    /** {@code next_page_token} is the offset of the next page, empty on the last one. */
    static RegistrantListResponse page(List<Registrant> all, int offset, int pageSize) {
        int from = Math.min(offset, all.size());
        int to = Math.min(from + pageSize, all.size());
        List<Item> items = all.subList(from, to).stream().map(Item::of).toList();
        int pageCount = all.isEmpty() ? 0 : (all.size() + pageSize - 1) / pageSize;
        return new RegistrantListResponse(pageCount, pageSize, all.size(),
                to < all.size() ? Integer.toString(to) : "", items);
    }
}
