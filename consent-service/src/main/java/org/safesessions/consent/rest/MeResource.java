package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who the caller is, as this service sees the token: for the staff portal, and the bare authenticated endpoint
 * the consent-check benchmark measures against (same security, no database).
 */
@Path("/me")
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Schema(requiredProperties = {"userName", "organisation", "roles"})
    public record Me(String userName, String organisation, Set<String> roles) {
    }

    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "getMe", summary = "Who the caller is, as the token says")
    @APIResponse(responseCode = "200", description = "user name, organisation and roles",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = Me.class)))
    public Me me() {
        return new Me(caller.userName(), caller.organisation(), new TreeSet<>(identity.getRoles()));
    }
}
