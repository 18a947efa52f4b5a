package org.safesessions.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.Sealed;

/**
 * Meeting passcodes and personal join links are stored sealed (AES-256-GCM, bound to their row), because either one
 * lets a stranger into a session with children. The host's start URL is never stored at all.
 */
@ApplicationScoped
public class MeetingSecrets {

    @Inject
    FieldCipher cipher;

    public Sealed sealPasscode(java.util.UUID sessionId, String passcode) {
        return cipher.seal(passcode, "session-passcode:" + sessionId);
    }

    public String passcode(ZoomMeeting meeting) {
        return meeting.passcode == null ? null
                : cipher.open(new Sealed(meeting.passcodeKey, meeting.passcode), "session-passcode:" + meeting.sessionId);
    }

    public Sealed sealJoinUrl(Invitation.Key invitation, String joinUrl) {
        return cipher.seal(joinUrl, joinUrlBinding(invitation));
    }

    public String joinUrl(ZoomRegistrant registrant) {
        return registrant.joinUrl == null ? null
                : cipher.open(new Sealed(registrant.joinUrlKey, registrant.joinUrl), joinUrlBinding(registrant.key));
    }

    private static String joinUrlBinding(Invitation.Key invitation) {
        return "join-url:" + invitation.sessionId + ":" + invitation.youngPersonId;
    }
}
