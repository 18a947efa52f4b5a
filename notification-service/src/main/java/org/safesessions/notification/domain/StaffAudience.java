package org.safesessions.notification.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.safesessions.events.EventJson;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Whom a staff message is for, decided when it is addressed (from Keycloak, then): holders of some realm roles, staff
 * named by Keycloak user id ({@code staffIds}: a session's facilitators) and, only where an event carries no id for
 * them, by user name ({@code userNames}), never {@code exceptStaffId} (the member of staff an allegation is about,
 * SPEC §5), and when that leaves nobody, the holders of {@code otherwiseRoles} (the managers, for an allegation
 * against the organisation's only DSL). Ids and role names only. {@code staffIds} is left out of the JSON when
 * empty, so audiences queued before it existed read, and are identified ({@link #recipientId()}), as before.
 */
public record StaffAudience(List<String> roles, List<String> userNames, String exceptStaffId,
                            List<String> otherwiseRoles,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> staffIds) {

    public StaffAudience {
        roles = roles == null ? List.of() : List.copyOf(roles);
        userNames = userNames == null ? List.of() : List.copyOf(userNames);
        otherwiseRoles = otherwiseRoles == null ? List.of() : List.copyOf(otherwiseRoles);
        staffIds = staffIds == null ? List.of() : List.copyOf(staffIds);
    }

    public StaffAudience(List<String> roles, List<String> userNames, String exceptStaffId, List<String> otherwiseRoles) {
        this(roles, userNames, exceptStaffId, otherwiseRoles, List.of());
    }

    public static StaffAudience withRoles(List<String> roles) {
        return new StaffAudience(roles, List.of(), null, List.of());
    }

    public static StaffAudience named(List<String> userNames) {
        return new StaffAudience(List.of(), userNames, null, List.of());
    }

    /**
     * A session's facilitators as a session event names them (SPEC §2 "Staff identity"): by Keycloak user id, never by
     * user name, so a name given since to someone else never draws their alert. An event published before ids existed
     * (no {@code facilitatorIds}) is addressed by its user names. An event naming more facilitators by name than by
     * id (a session row from before ids, not yet given its id by session-service's backfill) keeps its names too, so
     * that facilitator is still told; names of people already named by id count once, since each is one person.
     */
    public static StaffAudience facilitators(List<String> staffIds, List<String> userNames) {
        List<String> ids = staffIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(staffIds));
        List<String> names = userNames == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(userNames));
        if (ids.isEmpty()) {
            return named(names);
        }
        return new StaffAudience(List.of(), names.size() > ids.size() ? names : List.of(), null, List.of(), ids);
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
