package org.safesessions.events.session;

import org.safesessions.events.EventPayload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A Zoom host's in-meeting safety settings read back differently from what was enforced, so the host is set aside
 * (no session is given it) until a manager sets the host pool again; managers are told. Keyed by the session whose
 * provisioning found it. {@code settings} are Zoom's setting names (e.g. {@code in_meeting.private_chat},
 * {@code meeting_security.waiting_room_settings.users_who_can_admit_participants_from_waiting_room}); the host is
 * not named (its address is staff contact data), the manager sees which one in the policy's Zoom hosts.
 */
public record ZoomHostSettingsDriftedV1(
        UUID sessionId,
        String organisation,
        List<String> settings,
        OffsetDateTime detectedAt) implements EventPayload {
}
