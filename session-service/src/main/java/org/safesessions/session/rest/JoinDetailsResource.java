package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
    public JoinDetails joinDetails(@PathParam("sessionId") UUID sessionId, @PathParam("youngPersonId") UUID youngPersonId,
                                   @QueryParam("organisation") @NotNull @Size(max = 64) String organisation) {
        JoinDetailsLookup.JoinDetails details = lookup.of(organisation, sessionId, youngPersonId);
        Session session = details.session();
        return new JoinDetails(session.id, details.youngPersonId(), session.title, session.platform, session.startsAt,
                session.endsAt, details.joinUrl(), details.passcode());
    }
}
