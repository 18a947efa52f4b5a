package org.safesessions.consent.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.consent.application.SubjectAccessRequests;
import org.safesessions.consent.application.SubjectAccessRequests.Tracked;
import org.safesessions.consent.rest.SubjectAccessRequestMessages.ReceiveRequest;
import org.safesessions.consent.rest.SubjectAccessRequestMessages.RequestPage;
import org.safesessions.consent.rest.SubjectAccessRequestMessages.RequestView;
import org.safesessions.consent.rest.SubjectAccessRequestMessages.StatusChange;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;

import java.util.UUID;

/**
 * Subject access requests (SPEC §3), tracked by those who read the access log and answer them (SPEC §2:
 * safeguarding leads and managers). Due one calendar month after receipt; statuses move forward one step at a time.
 */
@Path("/subject-access-requests")
@RolesAllowed({Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
public class SubjectAccessRequestsResource {

    @Inject
    SubjectAccessRequests requests;

    @Inject
    Caller caller;

    @Inject
    Time time;

    @POST
    @Operation(operationId = "receiveSubjectAccessRequest", summary = "Record a subject access request about a young person",
            description = "Who asked (kept encrypted), their relationship and the day it was received; due one calendar month later.")
    @APIResponse(responseCode = "201", description = "recorded; Location is the new request",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = RequestView.class)),
            headers = @Header(name = "Location", description = "where the new record is read", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "the body is invalid (each bad field named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a rule is broken: request-received-on-or-before-today or request-received-after-birth",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response receive(@Valid @NotNull ReceiveRequest request, @Context UriInfo uri) {
        Tracked tracked = requests.receive(caller.organisation(), request.command(), caller.userName());
        return Response.created(uri.getAbsolutePathBuilder().path(tracked.request().id.toString()).build())
                .entity(RequestView.of(tracked, time.now())).build();
    }

    @GET
    @Operation(operationId = "listSubjectAccessRequests", summary = "List the organisation's subject access requests, most recently received first")
    @APIResponse(responseCode = "200", description = "one page of requests",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = RequestPage.class)))
    @APIResponse(responseCode = "400", description = "a query parameter is invalid (each named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<RequestView> list(@Valid @BeanParam PageRequest page) {
        var now = time.now();
        return requests.list(caller.organisation(), page.page, page.size).map(t -> RequestView.of(t, now));
    }

    @GET
    @Path("overdue")
    @Operation(operationId = "listOverdueSubjectAccessRequests", summary = "List the open requests past their due day, longest overdue first")
    @APIResponse(responseCode = "200", description = "one page of overdue requests",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = RequestPage.class)))
    @APIResponse(responseCode = "400", description = "a query parameter is invalid (each named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<RequestView> overdue(@Valid @BeanParam PageRequest page) {
        var now = time.now();
        return requests.overdue(caller.organisation(), page.page, page.size).map(t -> RequestView.of(t, now));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSubjectAccessRequest", summary = "Read one subject access request")
    @APIResponse(responseCode = "200", description = "the request",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such request in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RequestView get(@PathParam("id") UUID id) {
        return RequestView.of(requests.read(caller.organisation(), id), time.now());
    }

    @POST
    @Path("{id}/status")
    @Operation(operationId = "moveSubjectAccessRequest", summary = "Move a subject access request to its next status",
            description = "RECEIVED → IDENTITY_CHECKED → EXPORT_PRODUCED (by producing the export) → SENT → CLOSED, one step at a time, never back.")
    @APIResponse(responseCode = "200", description = "the request in its new status",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "the body or a parameter is invalid (each bad field named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such request in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a rule is broken: subject-access-request-never-moves-back, subject-access-request-skips-no-step or export-produced-by-producing-it",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RequestView move(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        return RequestView.of(requests.moveTo(caller.organisation(), id, change.status(), caller.userName()), time.now());
    }

    @POST
    @Path("{id}/export")
    @Operation(operationId = "produceSubjectAccessExport", summary = "Produce the subject access export for a request",
            description = "Everything held about the young person (as GET /young-people/{id}/export), recorded on the request (EXPORT_PRODUCED) and in the access log as its EXPORT.")
    @APIResponse(responseCode = "200", description = "the subject access document",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = SubjectAccessExport.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such request in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a rule is broken: identity-checked-before-export or no-export-after-sending",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SubjectAccessExport export(@PathParam("id") UUID id) {
        return SubjectAccessExport.of(requests.export(caller.organisation(), id, caller.userName()));
    }
}
