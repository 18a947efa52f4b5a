package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.zoomsim.state.Meeting;
import org.safesessions.zoomsim.state.MeetingDetails;
import org.safesessions.zoomsim.state.MeetingStore;
import org.safesessions.zoomsim.state.ZoomApiException;

/**
 * Zoom's meeting operations. Path ids arrive as text: the contract check, not JAX-RS,
 * decides what a bad id gets (Zoom's 400, not a bare 404). Bodies arrive raw, because
 * the contract check needs them as sent; DELETE takes one too, so a stray body is refused.
 */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingResource {

    @Inject
    ZoomApiGate gate;

    @Inject
    MeetingStore meetings;

    @POST
    @Path("/users/{userId}/meetings")
    public Response createMeeting(@RestPath String userId, String body) {
        return gate.api(body, () -> {
            Meeting meeting = meetings.create(userId, gate.bodyAs(body, MeetingDetails.class));
            return Response.status(Response.Status.CREATED).entity(MeetingCreatedResponse.of(meeting)).build();
        });
    }

    /**
     * A host's meetings, paged by {@code next_page_token} (an offset here). {@code type} is accepted as Zoom's
     * contract allows; the simulator lists every meeting that is not deleted (it does not model live or past ones).
     */
    @GET
    @Path("/users/{userId}/meetings")
    public Response listMeetings(@RestPath String userId, @RestQuery("page_size") String pageSize,
                                 @RestQuery("next_page_token") String nextPageToken) {
        return gate.api(null, () -> {
            int size = pageSize == null ? 30 : Math.max(1, Math.min(300, Integer.parseInt(pageSize)));
            int offset = 0;
            if (nextPageToken != null && !nextPageToken.isEmpty()) {
                try {
                    offset = Math.max(0, Integer.parseInt(nextPageToken));
                } catch (NumberFormatException e) {
                    throw ZoomApiException.invalidParameter("Invalid field: next_page_token " + nextPageToken + ".");
                }
            }
            return Response.ok(MeetingListResponse.page(meetings.ofHost(userId), offset, size)).build();
        });
    }

    @GET
    @Path("/meetings/{meetingId}")
    public Response getMeeting(@RestPath String meetingId) {
        return gate.api(null, () -> Response.ok(MeetingResponse.of(meetings.find(Long.parseLong(meetingId)))).build());
    }

    @PATCH
    @Path("/meetings/{meetingId}")
    public Response updateMeeting(@RestPath String meetingId, String body) {
        return gate.api(body, () -> {
            meetings.update(Long.parseLong(meetingId), gate.bodyAs(body, MeetingDetails.class));
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("/meetings/{meetingId}")
    public Response deleteMeeting(@RestPath String meetingId, String body) {
        return gate.api(body, () -> {
            meetings.delete(Long.parseLong(meetingId));
            return Response.noContent().build();
        });
    }

    /** {@code end} finishes a running meeting; {@code recover} brings back a deleted one. */
    @PUT
    @Path("/meetings/{meetingId}/status")
    public Response updateMeetingStatus(@RestPath String meetingId, String body) {
        return gate.api(body, () -> {
            long id = Long.parseLong(meetingId);
            String action = gate.bodyAs(body, JsonNode.class).path("action").asText();
            switch (action) {
                case "end" -> meetings.end(id);
                case "recover" -> meetings.recover(id);
                default -> throw ZoomApiException.invalidParameter("Invalid field: action is required (end or recover).");
            }
            return Response.noContent().build();
        });
    }
}
