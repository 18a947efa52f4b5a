package org.safesessions.kit.openapi;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import java.util.Map;

/** Test only: two operations for {@link ServedDocumentTest}, one of them a signed webhook. */
@Path("/kit-test")
public class ThingsResource {

    @POST
    @Path("/things")
    @RolesAllowed("coordinator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> create(Map<String, String> thing) {
        return thing;
    }

    @POST
    @Path("/webhook")
    @PermitAll
    @Extension(name = OpenApiContract.SIGNED_WEBHOOK, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> webhook(Map<String, String> call) {
        return call;
    }
}
