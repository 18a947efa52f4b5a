package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.MeetingSecrets;
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
    MeetingSecrets secrets;

    @GET
    @Transactional
    @RolesAllowed(Roles.INVITATION_READER)
    public JoinDetails joinDetails(@PathParam("sessionId") UUID sessionId, @PathParam("youngPersonId") UUID youngPersonId,
                                   @QueryParam("organisation") @NotNull @Size(max = 64) String organisation) {
        Session session = Session.findInOrganisation(sessionId, organisation)
                .orElseThrow(() -> new RecordNotFoundException("invitation"));
        Invitation invitation = session.invitation(youngPersonId).filter(Invitation::invited)
                .filter(i -> i.invitationReady).orElseThrow(() -> new RecordNotFoundException("invitation"));
        return new JoinDetails(session.id, youngPersonId, session.title, session.platform, session.startsAt,
                session.endsAt, secrets.joinUrl(invitation), session.onZoom() ? secrets.passcode(session) : null);
    }
}
