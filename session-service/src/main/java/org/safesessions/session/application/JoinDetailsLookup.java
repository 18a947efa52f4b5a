package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.kit.audit.Access;
import org.safesessions.kit.audit.AccessLog;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.MeetingSecrets;
import org.safesessions.session.domain.Session;
import org.safesessions.session.domain.ZoomMeeting;
import org.safesessions.session.domain.ZoomRegistrant;

import java.util.UUID;

/**
 * One young person's join details, for notification-service sending their invitation. The organisation comes from
 * the event being handled and must match the session's. Only an invitation that is ready (ParticipantInvited
 * published) and still current has details; off Zoom there is no join link or passcode.
 */
@ApplicationScoped
public class JoinDetailsLookup {

    @Inject
    AccessLog accessLog;

    @Inject
    MeetingSecrets secrets;

    /** The session, and the invitation's opened join link and the meeting's passcode (null off Zoom). */
    public record JoinDetails(Session session, UUID youngPersonId, String joinUrl, String passcode) {
    }

    @Transactional
    public JoinDetails of(String organisation, UUID sessionId, UUID youngPersonId) {
        Session session = Session.findInOrganisation(sessionId, organisation)
                .orElseThrow(() -> new RecordNotFoundException("invitation"));
        Invitation invitation = session.invitation(youngPersonId).filter(Invitation::invited)
                .filter(i -> i.invitationReady).orElseThrow(() -> new RecordNotFoundException("invitation"));
        String joinUrl = ZoomRegistrant.of(invitation.key).map(secrets::joinUrl).orElse(null);
        String passcode = session.onZoom() ? ZoomMeeting.ofSession(session.id).map(secrets::passcode).orElse(null) : null;
        accessLog.record(organisation, Access.read("JOIN_DETAILS", session.id).about(youngPersonId));
        return new JoinDetails(session, youngPersonId, joinUrl, passcode);
    }
}
