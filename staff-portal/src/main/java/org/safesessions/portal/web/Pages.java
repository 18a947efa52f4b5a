package org.safesessions.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The portal's plain pages for things that went wrong, and the redirect after a form was sent. */
@ApplicationScoped
public class Pages {

    @Inject
    @Location("problem.html")
    Template problem;

    public Response problemPage(int status, String title, String explanation) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(problem.data("title", title).data("explanation", explanation).data("status", status).render())
                .build();
    }

    /** Post/redirect/get: after a change, the browser asks for the page showing it (with a banner). */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
