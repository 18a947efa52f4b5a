package org.safesessions.zoomsim.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.zoomsim.state.Meeting;
import org.safesessions.zoomsim.state.MeetingStore;
import org.safesessions.zoomsim.state.Registrant;
import org.safesessions.zoomsim.state.RegistrantDetails;
import org.safesessions.zoomsim.state.RegistrantReference;
import org.safesessions.zoomsim.state.RegistrantStatus;
import org.safesessions.zoomsim.state.ZoomApiException;

/** Zoom's meeting registrant operations: each registrant gets a personal join link. */
@Path("/v2/meetings/{meetingId}/registrants")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrantResource {

    @Inject
    ZoomApiGate gate;

    @Inject
    MeetingStore meetings;

    @POST
    public Response addRegistrant(@RestPath String meetingId, String body) {
        return gate.api(body, () -> {
            long id = Long.parseLong(meetingId);
            Registrant registrant = meetings.register(id, gate.bodyAs(body, RegistrantDetails.class));
            Meeting meeting = meetings.find(id);
            return Response.status(Response.Status.CREATED)
                    .entity(RegistrantCreatedResponse.of(meeting, registrant))
                    .build();
        });
    }

    /** Pages by {@code next_page_token} (or the deprecated {@code page_number}); lists approved ones unless told. */
    @GET
    public Response listRegistrants(@RestPath String meetingId, @RestQuery String status,
                                    @RestQuery("page_size") String pageSize,
                                    @RestQuery("page_number") String pageNumber,
                                    @RestQuery("next_page_token") String nextPageToken) {
        return gate.api(null, () -> {
            List<Registrant> matching = meetings.registrants(Long.parseLong(meetingId),
                    status == null ? RegistrantStatus.APPROVED : RegistrantStatus.fromZoomName(status));
            int size = pageSize == null ? 30 : Math.max(1, Math.min(300, Integer.parseInt(pageSize)));
            int offset;
            if (nextPageToken != null && !nextPageToken.isEmpty()) {
                offset = parseToken(nextPageToken);
            } else {
                offset = pageNumber == null ? 0 : Math.max(0, Integer.parseInt(pageNumber) - 1) * size;
            }
            return Response.ok(RegistrantListResponse.page(matching, offset, size)).build();
        });
    }

    /** approve, deny or cancel registrants named by id or email. */
    @PUT
    @Path("/status")
    public Response updateRegistrantStatus(@RestPath String meetingId, String body) {
        return gate.api(body, () -> {
            RegistrantStatusChange change = gate.bodyAs(body, RegistrantStatusChange.class);
            meetings.changeRegistrantStatus(Long.parseLong(meetingId), change.newStatus(),
                    change.registrants() == null ? List.of() : change.registrants());
            return Response.noContent().build();
        });
    }

    private static int parseToken(String token) {
        try {
            return Math.max(0, Integer.parseInt(token));
        } catch (NumberFormatException e) {
            throw ZoomApiException.invalidParameter(
                    "Invalid field: next_page_token " + token + ".");
        }
    }

    /** The body of {@code PUT .../registrants/status}. */
    public record RegistrantStatusChange(String action, List<RegistrantReference> registrants) {

        RegistrantStatus newStatus() {
            return switch (action) {
                case "approve" -> RegistrantStatus.APPROVED;
                case "deny" -> RegistrantStatus.DENIED;
                case "cancel" -> RegistrantStatus.CANCELLED;
                default -> throw new IllegalStateException("the contract allows only approve, deny and cancel");
            };
        }
    }
}
