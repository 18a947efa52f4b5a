package org.safesessions.notification.staff;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds staff to tell: by user name (from an event), or by role (the organisation's DSLs, coordinators, managers). */
@ApplicationScoped
public class StaffDirectory {

    public Optional<StaffMember> find(String organisation, String userName) {
        return StaffMember.<StaffMember>find("organisation = ?1 and userName = ?2", organisation, userName)
                .firstResultOptional();
    }

    /** User names of the organisation's staff holding {@code role}, in a stable order. */
    public List<String> userNamesWithRole(String organisation, StaffRole role) {
        return StaffMember.<StaffMember>find(
                        "select distinct s from StaffMember s join s.roles r where s.organisation = ?1 and r = ?2 order by s.userName",
                        organisation, role)
                .list().stream().map(s -> s.userName).toList();
    }

    /**
     * The recipient id a staff member's deliveries carry: derived from organisation and user name, so a message can be
     * queued (and deduplicated) for someone an event names even before they are in the directory.
     */
    public static UUID recipientId(String organisation, String userName) {
        return UUID.nameUUIDFromBytes(("staff:" + organisation + ":" + userName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
