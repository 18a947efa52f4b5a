package org.safesessions.kit.audit;

import org.safesessions.kit.staff.StaffDirectory;

import java.util.Objects;

/**
 * Who accessed the data, as the suite names staff (SPEC §2 "Staff identity"): the Keycloak user id, with the
 * canonical lower-case user name beside it. A service's own scheduled pass has no user id; it is named by the
 * service.
 */
public record Actor(String id, String userName) {

    public Actor {
        Objects.requireNonNull(userName, "userName");
        userName = StaffDirectory.canonical(userName);
    }

    /** The service itself (expiry, retention): no Keycloak user. */
    public static Actor service(String serviceName) {
        return new Actor(null, serviceName);
    }
}
