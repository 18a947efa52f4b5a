package org.safesessions.notification.domain;

import org.safesessions.events.EventJson;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Whom a staff message is for, decided when it is addressed (from Keycloak, then): holders of some realm roles and
 * staff named by user name (a session's facilitators), never {@code exceptStaffId} (the member of staff an
 * allegation is about, SPEC §5), and when that leaves nobody, the holders of {@code otherwiseRoles} (the managers,
 * for an allegation against the organisation's only DSL). Ids and role names only.
 */
public record StaffAudience(List<String> roles, List<String> userNames, String exceptStaffId,
                            List<String> otherwiseRoles) {

    public StaffAudience {
        roles = roles == null ? List.of() : List.copyOf(roles);
        userNames = userNames == null ? List.of() : List.copyOf(userNames);
        otherwiseRoles = otherwiseRoles == null ? List.of() : List.copyOf(otherwiseRoles);
    }

    public static StaffAudience withRoles(List<String> roles) {
        return new StaffAudience(roles, List.of(), null, List.of());
    }

    public static StaffAudience named(List<String> userNames) {
        return new StaffAudience(List.of(), userNames, null, List.of());
    }

    public String json() {
        return EventJson.write(this);
    }

    public static StaffAudience parse(String json) {
        try {
            return EventJson.mapper().readValue(json, StaffAudience.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable staff audience", e);
        }
    }

    /** The recipient id of this audience's addressing row: the same audience of one event is queued once. */
    public UUID recipientId() {
        return UUID.nameUUIDFromBytes(("staff-audience:" + json()).getBytes(StandardCharsets.UTF_8));
    }

    /** The recipient id a staff member's deliveries carry: from organisation and Keycloak user id. */
    public static UUID recipientId(String organisation, String staffUserId) {
        return UUID.nameUUIDFromBytes(("staff-id:" + organisation + ":" + staffUserId).getBytes(StandardCharsets.UTF_8));
    }
}
