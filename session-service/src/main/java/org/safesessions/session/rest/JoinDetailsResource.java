package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.application.JoinDetailsLookup;
import org.safesessions.session.domain.Session;
import org.safesessions.session.rest.SessionMessages.JoinDetails;

import java.util.UUID;

/**
 * One young person's join details, for notification-service sending their invitation (service token with
 * {@code invitation-reader}). The organisation comes from the event being handled and must match the session's.
 * Only an invitation that is ready (ParticipantInvited published) and still current has details.
 */
@Path("/sessions/{sessionId}/invitations/{youngPersonId}/join-details")
public class JoinDetailsResource {

    @Inject
    JoinDetailsLookup lookup;

    @GET
    @RolesAllowed(Roles.INVITATION_READER)
    @Operation(operationId = "getJoinDetails", summary = "Read one invited young person's join details")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Join details (joinUrl and passcode null off Zoom)",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = JoinDetails.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "404", description = "No ready invitation of the young person to the session in that organisation",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public JoinDetails joinDetails(@PathParam("sessionId") UUID sessionId, @PathParam("youngPersonId") UUID youngPersonId,
                                   @QueryParam("organisation") @NotNull @Size(max = 64) String organisation) {
        JoinDetailsLookup.JoinDetails details = lookup.of(organisation, sessionId, youngPersonId);
        Session session = details.session();
        return new JoinDetails(session.id, details.youngPersonId(), session.title, session.platform, session.startsAt,
                session.endsAt, details.joinUrl(), details.passcode());
    }
}
