package org.safesessions.session.service;

import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.session.booking.Session;

import java.util.UUID;

/**
 * Whose view of sessions a request has: its organisation, and for a youth worker only the sessions they lead
 * (SPEC §2), recognised by their Keycloak user id (the token's subject). A session outside the view answers 404, exactly like a missing one.
 */
public record Viewer(String organisation, String userId, String userName, boolean leadsOnly) {

    /** A request's view: {@code userId} is the token's subject, {@code userName} its canonical login name. */
    public Viewer {
        userName = userName == null ? null : org.safesessions.kit.staff.StaffDirectory.canonical(userName);
    }

    public Session session(UUID sessionId) {
        Session session = Session.findInOrganisation(sessionId, organisation).orElse(null);
        if (session == null || (leadsOnly && !session.ledBy(userId, userName))) {
            throw new RecordNotFoundException("session");
        }
        return session;
    }
}
