package org.safesessions.notification.domain;

import org.safesessions.kit.tenancy.Roles;

/** What a staff member does, as far as being told things goes: the realm role Keycloak gives them. */
public enum StaffRole {
    YOUTH_WORKER(Roles.YOUTH_WORKER),
    COORDINATOR(Roles.COORDINATOR),
    SAFEGUARDING_LEAD(Roles.SAFEGUARDING_LEAD),
    MANAGER(Roles.MANAGER);

    private final String realmRole;

    StaffRole(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public static java.util.Optional<StaffRole> ofRealmRole(String role) {
        for (StaffRole r : values()) {
            if (r.realmRole.equals(role)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
