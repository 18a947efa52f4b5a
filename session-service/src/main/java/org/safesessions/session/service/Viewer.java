package org.safesessions.session.service;

import org.safesessions.kit.problem.NotFoundProblem;
import org.safesessions.session.booking.Session;

import java.util.UUID;

/**
 * Whose view of sessions a request has: its organisation, and for a youth worker only the sessions they lead
 * (SPEC §2). A session outside the view answers 404, exactly like a missing one.
 */
public record Viewer(String organisation, String userName, boolean leadsOnly) {

    public Session session(UUID sessionId) {
        Session session = Session.findInOrganisation(sessionId, organisation).orElse(null);
        if (session == null || (leadsOnly && !session.facilitators.contains(userName))) {
            throw new NotFoundProblem("session");
        }
        return session;
    }
}
