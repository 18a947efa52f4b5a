package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.zoomsim.state.UserSettingsStore;

/** Zoom's user settings, where host-only screen sharing and no file transfer are enforced. */
@Path("/v2/users/{userId}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class UserSettingsResource {

    @Inject
    ZoomApiGate gate;

    @Inject
    UserSettingsStore settings;

    @GET
    public Response getSettings(@RestPath String userId, @RestQuery String option) {
        return gate.api(null, () -> Response.ok(settings.view(userId, option)).build());
    }

    @PATCH
    public Response updateSettings(@RestPath String userId, @RestQuery String option, String body) {
        return gate.api(body, () -> {
            settings.patch(userId, option, gate.bodyAs(body, ObjectNode.class));
            return Response.noContent().build();
        });
    }
}
