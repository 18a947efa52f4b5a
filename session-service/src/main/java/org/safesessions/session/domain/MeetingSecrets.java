package org.safesessions.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.Sealed;

/**
 * Meeting passcodes and personal join links are stored sealed (AES-256-GCM, bound to their row), because either one
 * lets a stranger into a session with children; so are the names typed into the waiting room, a stranger's free
 * text beside children's sessions. The host's start URL is never stored at all.
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

    public Sealed sealDisplayName(WaitingRoomEntry.Key entry, String name) {
        return cipher.seal(name, displayNameBinding(entry));
    }

    /** The name typed into Zoom; a plain one from before V13 until the sealing pass has sealed it. */
    public String displayName(WaitingRoomEntry entry) {
        return entry.sealedName().map(sealed -> cipher.open(sealed, displayNameBinding(entry.key)))
                .orElse(entry.plainDisplayName);
    }

    private static String displayNameBinding(WaitingRoomEntry.Key entry) {
        return "waiting-room-name:" + entry.sessionId + ":" + entry.participantRef;
    }

    private static String joinUrlBinding(Invitation.Key invitation) {
        return "join-url:" + invitation.sessionId + ":" + invitation.youngPersonId;
    }
}
