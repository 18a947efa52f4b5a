package org.safesessions.portal.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.safesessions.portal.web.Pages;

/** Every POST, PUT, PATCH and DELETE must carry the CSRF token (form field, or header for htmx); else 403. */
public class CsrfCheck {

    @Inject
    Csrf csrf;

    @Inject
    Pages pages;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null;
        }
        String submitted = request.getHeaderString(Csrf.HEADER);
        if (submitted == null) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(Csrf.FIELD, true, false);
            submitted = field == null ? null : field.toString();
        }
        if (csrf.valid(submitted)) {
            return null;
        }
        return pages.problemPage(403, "This form has expired",
                "For your security the form could not be sent. Go back, reload the page and try again.");
    }
}
