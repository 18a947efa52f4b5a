package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.safesessions.consent.domain.CodeOfConduct;
import org.safesessions.consent.rest.SettingsMessages.CodeOfConductView;
import org.safesessions.consent.rest.SettingsMessages.SettingsView;
import org.safesessions.consent.rest.SettingsMessages.UpdateSettings;
import org.safesessions.consent.application.OrganisationPolicies;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;

/** The organisation's consent policy: staff read it, managers set it (SPEC §2 "edit organisation policy"). */
@Path("/")
public class SettingsResource {

    @Inject
    OrganisationPolicies policies;

    @Inject
    Caller caller;

    @GET
    @Path("settings")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "getSettings", summary = "Read the organisation's consent policy",
            description = "The organisation's own settings, or the service's defaults until a manager sets them.")
    @APIResponse(responseCode = "200", description = "the policy in force",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = SettingsView.class)))
    public SettingsView settings() {
        return SettingsView.of(policies.of(caller.organisation()), CodeOfConduct.current().version());
    }

    @PUT
    @Path("settings")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "updateSettings", summary = "Set the organisation's consent policy",
            description = "Every setting is required.")
    @APIResponse(responseCode = "200", description = "the policy now in force",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "400", description = "a setting is missing or out of range (each named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SettingsView update(@Valid @NotNull UpdateSettings request) {
        return SettingsView.of(policies.update(caller.organisation(), request.command(), caller.userName()),
                CodeOfConduct.current().version());
    }

    /** The current online safety code of conduct, for staff to go through with the young person. */
    @GET
    @Path("code-of-conduct")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "getCodeOfConduct", summary = "Read the current online safety code of conduct")
    @APIResponse(responseCode = "200", description = "its version and commitments",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = CodeOfConductView.class)))
    public CodeOfConductView codeOfConduct() {
        return CodeOfConductView.of(CodeOfConduct.current());
    }
}
