package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.application.OneToOneRequests;
import org.safesessions.session.domain.OneToOneRequest;
import org.safesessions.session.domain.Session;
import org.safesessions.session.rest.SessionMessages.SessionView;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One-to-one requests: recorded by a coordinator, then scheduled with one or two workers (SPEC §4). */
@Path("/one-to-one-requests")
@RolesAllowed({Roles.COORDINATOR, Roles.MANAGER})
public class OneToOneResource {

    @Inject
    Caller caller;

    @Inject
    OneToOneRequests requests;

    @Schema(requiredProperties = {"youngPersonId"})
    public record RecordRequest(@NotNull UUID youngPersonId) {
    }

    /** One or two workers; with one, the session is flagged (a second is good practice). */
    @Schema(requiredProperties = {"title", "startsAt", "durationMinutes", "platform", "facilitators"})
    public record Schedule(@NotBlank @Size(max = 200) String title, @NotNull OffsetDateTime startsAt,
                           @NotNull @Min(1) @Max(1440) Integer durationMinutes, @NotNull Platform platform,
                           @NotEmpty @Size(max = 10) Set<@NotNull @Pattern(regexp = SessionMessages.USER_NAME,
                                   message = "must be a staff user name") String> facilitators) {
    }

    @Schema(requiredProperties = {"id", "youngPersonId", "recordedBy", "requestedAt"})
    public record RequestView(UUID id, UUID youngPersonId, String recordedBy, OffsetDateTime requestedAt, UUID sessionId) {
        static RequestView of(OneToOneRequest r) {
            return new RequestView(r.id, r.youngPersonId, r.recordedBy, r.requestedAt, r.sessionId);
        }
    }

    /** The shape of a page of requests in the OpenAPI document (the kit's {@code Page} of {@link RequestView}). */
    @Schema(name = "OneToOneRequestPage", requiredProperties = {"items", "page", "size", "total"})
    public record RequestPage(List<RequestView> items, int page, int size, long total) {
    }

    @POST
    @Operation(operationId = "recordOneToOneRequest", summary = "Record a young person's request for a one-to-one session")
    @APIResponses({
            @APIResponse(responseCode = "201", description = "The request as recorded; Location names it",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = RequestView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public Response record(@Valid @NotNull RecordRequest body, @Context UriInfo uri) {
        OneToOneRequest request = requests.record(caller.organisation(), body.youngPersonId(), caller.userName());
        return Response.created(uri.getAbsolutePathBuilder().path(request.id.toString()).build())
                .entity(RequestView.of(request)).build();
    }

    @GET
    @Operation(operationId = "listOneToOneRequests", summary = "List one-to-one requests, newest first")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "A page of requests",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = RequestPage.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public Page<RequestView> list(@Valid @BeanParam PageRequest page) {
        return requests.list(caller.organisation(), page.page, page.size).map(RequestView::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOneToOneRequest", summary = "Read a one-to-one request")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The request",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = RequestView.class))),
            @APIResponse(responseCode = "404", description = "No such request in the caller's organisation",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public RequestView get(@PathParam("id") UUID id) {
        return RequestView.of(requests.get(caller.organisation(), id));
    }

    @POST
    @Path("{id}/schedule")
    @Operation(operationId = "scheduleOneToOneSession", summary = "Schedule a requested one-to-one session with one or two workers")
    @APIResponses({
            @APIResponse(responseCode = "201", description = "The one-to-one session as booked; Location names it",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "404", description = "No such request in the caller's organisation",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "409", description = "`one-to-one-request-scheduled-once`: the request has its session already",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "422", description = ApiDocs.ONE_TO_ONE_RULES,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public Response schedule(@PathParam("id") UUID id, @Valid @NotNull Schedule body, @Context UriInfo uri) {
        Session session = requests.schedule(caller.organisation(), id, body.title(), body.startsAt(),
                body.durationMinutes(), body.platform(), body.facilitators(), caller.userName());
        return Response.created(uri.getBaseUriBuilder().path("sessions").path(session.id.toString()).build())
                .entity(SessionView.of(session)).build();
    }
}
