package org.safesessions.session.zoom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.Sealed;
import org.safesessions.session.booking.Invitation;
import org.safesessions.session.booking.Session;

/**
 * Meeting passcodes and personal join links are stored sealed (AES-256-GCM, bound to their row), because either one
 * lets a stranger into a session with children. The host's start URL is never stored at all.
 */
@ApplicationScoped
public class MeetingSecrets {

    @Inject
    FieldCipher cipher;

    public void sealPasscode(Session session, String passcode) {
        Sealed sealed = cipher.seal(passcode, "session-passcode:" + session.id);
        session.zoomPasscodeKey = sealed.keyId();
        session.zoomPasscode = sealed.cipherText();
    }

    public String passcode(Session session) {
        return session.zoomPasscode == null ? null
                : cipher.open(new Sealed(session.zoomPasscodeKey, session.zoomPasscode), "session-passcode:" + session.id);
    }

    public void sealJoinUrl(Invitation invitation, String joinUrl) {
        Sealed sealed = cipher.seal(joinUrl, joinUrlBinding(invitation));
        invitation.zoomJoinUrlKey = sealed.keyId();
        invitation.zoomJoinUrl = sealed.cipherText();
    }

    public String joinUrl(Invitation invitation) {
        return invitation.zoomJoinUrl == null ? null
                : cipher.open(new Sealed(invitation.zoomJoinUrlKey, invitation.zoomJoinUrl), joinUrlBinding(invitation));
    }

    private static String joinUrlBinding(Invitation invitation) {
        return "join-url:" + invitation.key.sessionId + ":" + invitation.key.youngPersonId;
    }
}
