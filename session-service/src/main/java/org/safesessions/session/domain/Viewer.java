package org.safesessions.session.domain;

import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.tenancy.Roles;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Whose view of sessions a request has: its organisation, and for a youth worker only the sessions they lead
 * (SPEC §2), recognised by their Keycloak user id (the token's subject). A session outside the view answers 404, exactly like a missing one.
 */
public record Viewer(String organisation, String userId, String userName, boolean leadsOnly) {

    /** A request's view: {@code userId} is the token's subject, {@code userName} its canonical login name. */
    public Viewer {
        userName = userName == null ? null : org.safesessions.kit.staff.StaffDirectory.canonical(userName);
    }

    /**
     * The view a caller's roles give (SPEC §2): a youth worker who is neither coordinator nor manager sees only the
     * sessions they lead, recognised by the token's subject ({@code subject} is asked for it, and refuses a token
     * without one), never by a typed name; anyone else sees the organisation's sessions.
     */
    public static Viewer of(String organisation, String userName, Predicate<String> hasRole, Supplier<String> subject,
                            Optional<String> subjectIfAny) {
        boolean leadsOnly = hasRole.test(Roles.YOUTH_WORKER) && !hasRole.test(Roles.COORDINATOR)
                && !hasRole.test(Roles.MANAGER);
        String userId = leadsOnly ? subject.get() : subjectIfAny.orElse(null);
        return new Viewer(organisation, userId, userName, leadsOnly);
    }

    public Session session(UUID sessionId) {
        Session session = Session.findInOrganisation(sessionId, organisation).orElse(null);
        if (session == null || (leadsOnly && !session.ledBy(userId, userName))) {
            throw new RecordNotFoundException("session");
        }
        return session;
    }
}
