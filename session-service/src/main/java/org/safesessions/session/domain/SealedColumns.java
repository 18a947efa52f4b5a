package org.safesessions.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.safesessions.kit.crypto.SealedColumn;

import java.util.List;

/**
 * What session-service keeps sealed, for the kit's key rotation (service-kit README "Rotating a key"): meeting
 * passcodes, personal join links and the names typed into Zoom's waiting room, each with the binding {@link MeetingSecrets} seals and opens it with (the
 * session, and the session and young person; KeyRotationTest opens both through MeetingSecrets after re-sealing, so
 * a binding changed there and not here fails that test).
 */
@ApplicationScoped
public class SealedColumns {

    @Produces
    SealedColumn meetingPasscodes() {
        return SealedColumn.of("zoom_meeting", "id", "passcode_key", "passcode",
                row -> "session-passcode:" + row.get("id"));
    }

    @Produces
    SealedColumn joinLinks() {
        return SealedColumn.of("zoom_registrant", List.of("session_id", "young_person_id"), "join_url_key", "join_url",
                row -> "join-url:" + row.get("session_id") + ":" + row.get("young_person_id"));
    }

    @Produces
    SealedColumn waitingRoomNames() {
        return SealedColumn.of("waiting_room_entry", List.of("session_id", "participant_ref"), "display_name_key",
                "display_name_sealed", row -> "waiting-room-name:" + row.get("session_id") + ":" + row.get("participant_ref"));
    }
}
