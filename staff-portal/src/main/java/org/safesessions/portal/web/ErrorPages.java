package org.safesessions.portal.web;

import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safesessions.portal.client.ServiceRefusal;
import org.safesessions.portal.client.ServiceUnavailable;

import java.util.UUID;

/** Turns failures into plain pages: a service down, not allowed, not found; never a stack trace. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Pages pages;

    @ServerExceptionMapper
    public Response serviceDown(ServiceUnavailable e) {
        return pages.problemPage(503, "Sorry, there is a problem with the service",
                "The part of SafeSessions that holds " + e.service().whatItHolds()
                        + " is not answering right now. Nothing you entered on this page has been saved. Try again in a few minutes.");
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefusal e) {
        return switch (e.status()) {
            // The portal refreshes an expired token itself: a 401 means the service did not accept this sign-in
            case 401 -> pages.problemPage(401, "Sorry, your sign-in was not accepted",
                    "Part of SafeSessions did not accept your sign-in. Sign out, then sign in again. If it keeps happening, tell your manager.");
            case 403 -> forbidden();
            case 404 -> notFound();
            default -> pages.problemPage(400, "Sorry, that did not work", "Go back and try again.");
        };
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return forbidden();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return notFound();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return pages.problemPage(status, "Sorry, that did not work", "Check what you entered and try again.");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected failure, reference %s", reference);
        return pages.problemPage(500, "Sorry, there is a problem with the service",
                "Try again later. If it keeps happening, tell your manager the reference " + reference + ".");
    }

    private Response forbidden() {
        return pages.problemPage(403, "You cannot see this page",
                "Your role does not include this. If you think it should, ask your manager.");
    }

    private Response notFound() {
        return pages.problemPage(404, "Page not found",
                "If you typed the web address, check it is correct. The record may not exist, or may belong to another organisation.");
    }
}
