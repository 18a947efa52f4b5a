package org.safesessions.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Where Keycloak sends the browser back after sign-out; and a keep-alive for the timeout warning. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignedOutPage {

    @Inject
    @Location("signed-out.html")
    Template signedOut;

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }

    /** "Stay signed in": any signed-in request refreshes the session (and the tokens, once expired). */
    @GET
    @Path("keep-alive")
    public Response keepAlive() {
        return Response.noContent().build();
    }
}
