package org.safesessions.kit.staff;

import java.util.Set;

/**
 * A member of an organisation's staff as Keycloak knows them. {@code id} is the Keycloak user id, the name every
 * service stores; {@code userName} is the canonical (lower-case) login name shown beside it.
 */
public record StaffMember(String id, String userName, String displayName, String email, String organisation,
                          Set<String> roles) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
