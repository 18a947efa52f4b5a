package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.safesessions.events.session.SessionKind;
import org.safesessions.kit.audit.Access;
import org.safesessions.kit.audit.AccessLog;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.application.AttendanceRegister;
import org.safesessions.session.application.SessionBooking;
import org.safesessions.session.application.SessionConduct;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.SessionSearch;
import org.safesessions.session.domain.Viewer;
import org.safesessions.session.domain.ZoomMeeting;
import org.safesessions.session.rest.SessionMessages.BookGroupSession;
import org.safesessions.session.rest.SessionMessages.ChangeSession;
import org.safesessions.session.rest.SessionMessages.Checklist;
import org.safesessions.session.rest.SessionMessages.Invite;
import org.safesessions.session.rest.SessionMessages.ManualAttendance;
import org.safesessions.session.rest.SessionMessages.SessionPage;
import org.safesessions.session.rest.SessionMessages.SessionView;
import org.safesessions.session.rest.SessionMessages.Termination;

import java.util.Map;
import java.util.UUID;

/**
 * Group sessions and everything done to a session: booking and changes (coordinators, managers), and what the
 * facilitators do (checklist, start, end, early termination). Youth workers see only the sessions they lead.
 */
@Path("/sessions")
public class SessionsResource {

    @Inject
    Caller caller;

    @Inject
    AccessLog accessLog;

    @Inject
    SessionBooking booking;

    @Inject
    SessionConduct conduct;

    @Inject
    SessionSearch search;

    @Inject
    AttendanceRegister attendance;

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "scheduleSession", summary = "Book a group session")
    @APIResponses({
            @APIResponse(responseCode = "201", description = "The session as booked; Location names it",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "422", description = ApiDocs.BOOKING_RULES,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public Response book(@Valid @NotNull BookGroupSession request, @Context UriInfo uri) {
        Session session = booking.book(caller.organisation(), new SessionBooking.Booking(SessionKind.GROUP,
                request.title(), request.startsAt(), request.startsAt().plusMinutes(request.durationMinutes()),
                request.platform(), request.facilitators(), request.invitees(),
                request.firstOfGroup() == null || request.firstOfGroup(), null), caller.userName());
        return Response.created(uri.getAbsolutePathBuilder().path(session.id.toString()).build())
                .entity(SessionView.of(session)).build();
    }

    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "listSessions", summary = "List sessions by period, facilitator and invited young person, newest first")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "A page of sessions",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionPage.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public Page<SessionView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("facilitator") @Pattern(regexp = SessionMessages.USER_NAME,
                                          message = "must be a staff user name") String facilitator,
                                  @QueryParam("youngPersonId") UUID youngPersonId, @Valid @BeanParam PageRequest page) {
        Page<Session> sessions = search.list(viewer(), QueryTimes.parse("from", from), QueryTimes.parse("to", to),
                facilitator, youngPersonId, page.page, page.size);
        accessLog.record(caller.organisation(), Access.list("SESSION"));
        Map<UUID, ZoomMeeting> meetings = ZoomMeeting.ofSessions(sessions.items().stream().map(s -> s.id).toList());
        return sessions.map(s -> SessionView.of(s, meetings.get(s.id)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "getSession", summary = "Read a session with its invitations, provisioning and checklist")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The session",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView get(@PathParam("id") UUID id) {
        SessionView view = SessionView.of(viewer().session(id));
        accessLog.record(caller.organisation(), Access.read("SESSION", id));
        return view;
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "changeSession", summary = "Change a session's title, time, length or facilitators")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The session as changed",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "409", description = ApiDocs.NOT_CHANGEABLE,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "422", description = ApiDocs.CHANGE_RULES,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView change(@PathParam("id") UUID id, @Valid @NotNull ChangeSession request) {
        return SessionView.of(booking.change(caller.organisation(), id, new SessionBooking.Change(request.title(),
                request.startsAt(), request.durationMinutes(), request.facilitators())));
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "cancelSession", summary = "Cancel a future session")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The cancelled session",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "409", description = ApiDocs.NOT_CHANGEABLE,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView cancel(@PathParam("id") UUID id) {
        return SessionView.of(booking.cancel(caller.organisation(), id));
    }

    @POST
    @Path("{id}/invitations")
    @RolesAllowed({Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "inviteYoungPeople", summary = "Invite young people to a session")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The session with its invitations",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "409", description = ApiDocs.NOT_CHANGEABLE,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "422", description = ApiDocs.INVITE_RULES,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView invite(@PathParam("id") UUID id, @Valid @NotNull Invite request) {
        return SessionView.of(booking.invite(caller.organisation(), id, request.youngPersonIds()));
    }

    @DELETE
    @Path("{id}/invitations/{youngPersonId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "uninviteYoungPerson", summary = "Take an invited young person off a session")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The session with the invitation removed",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "404", description = "No such session, or the young person is not invited",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "409", description = ApiDocs.NOT_CHANGEABLE,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView uninvite(@PathParam("id") UUID id, @PathParam("youngPersonId") UUID youngPersonId) {
        return SessionView.of(booking.uninvite(caller.organisation(), id, youngPersonId));
    }

    @PUT
    @Path("{id}/checklist")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "recordChecklist", summary = "Record the pre-session safety checklist")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The session with its checklist",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "409", description = "`session-no-longer-changeable`: the checklist is completed before the session starts",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView checklist(@PathParam("id") UUID id, @Valid @NotNull Checklist request) {
        return SessionView.of(conduct.recordChecklist(viewer(), id, request.briefingGiven(),
                request.groundRulesAgreed(), request.organisationDevices(), caller.userName()));
    }

    /** A one-to-one's responsible adult at home, confirmed by a facilitator or coordinator before the start. */
    @POST
    @Path("{id}/responsible-adult-confirmation")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "confirmResponsibleAdult", summary = "Confirm a one-to-one's responsible adult at home")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The session with the confirmation",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "422", description = "`responsible-adult-applies-to-one-to-one`: the session is a group session",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView confirmResponsibleAdult(@PathParam("id") UUID id) {
        return SessionView.of(conduct.confirmResponsibleAdult(viewer(), id, caller.userName()));
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "startSession", summary = "Start a session")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The started session",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "409", description = "`session-no-longer-changeable`: the session is not scheduled",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "422", description = "A rule is broken; `rule` names it: `checklist-complete-before-start`, `one-to-one-needs-responsible-adult-confirmed`",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView start(@PathParam("id") UUID id) {
        return SessionView.of(conduct.start(viewer(), id));
    }

    @POST
    @Path("{id}/end")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "endSession", summary = "End a started session")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The ended session",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "409", description = "`session-no-longer-changeable`: only a started session can end",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView end(@PathParam("id") UUID id) {
        return SessionView.of(conduct.end(viewer(), id));
    }

    @POST
    @Path("{id}/termination")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "terminateSession", summary = "End a started session early, with its reason")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The session ended early",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "409", description = "`session-no-longer-changeable`: only a started session can be ended early",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "422", description = "`termination-young-person-must-be-invited`: the young person concerned is not an invitee",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView terminate(@PathParam("id") UUID id, @Valid @NotNull Termination request) {
        return SessionView.of(conduct.terminate(viewer(), id, request.reason(), request.youngPersonId(), caller.userName()));
    }

    /** A young person's attendance entered by hand (or an absence), when Zoom's webhooks cannot tell. */
    @POST
    @Path("{id}/attendance")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "recordAttendance", summary = "Record a young person's attendance by hand")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The session",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SessionView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "422", description = "A rule is broken; `rule` names it: `attendance-for-invited-young-people`, `attendance-once-the-session-has-begun`",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public SessionView attendance(@PathParam("id") UUID id, @Valid @NotNull ManualAttendance request) {
        return SessionView.of(attendance.recordByHand(viewer(), id, request.youngPersonId(), request.attended(),
                request.joinedAt(), request.leftAt()));
    }

    /** The facilitators' live view: the waiting room, who is in or has left, each invitee's state. */
    @GET
    @Path("{id}/participants")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "getSessionParticipants", summary = "Who is waiting, in and gone, against the invitations")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The session's participants",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ParticipantsView.class))),
            @APIResponse(responseCode = "404", description = ApiDocs.SESSION_NOT_FOUND,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public ParticipantsView participants(@PathParam("id") UUID id) {
        return ParticipantsView.of(attendance.participants(viewer(), id));
    }

    private Viewer viewer() {
        return Viewer.of(caller.organisation(), caller.userName(), caller::hasRole, caller::userId, caller.userIdIfAny());
    }
}
