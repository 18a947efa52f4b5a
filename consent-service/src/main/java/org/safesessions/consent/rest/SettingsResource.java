package org.safesessions.consent.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.safesessions.consent.domain.CodeOfConduct;
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
    public SettingsView settings() {
        return SettingsView.of(policies.of(caller.organisation()), CodeOfConduct.current().version());
    }

    @PUT
    @Path("settings")
    @RolesAllowed(Roles.MANAGER)
    public SettingsView update(@Valid @NotNull UpdateSettings request) {
        return SettingsView.of(policies.update(caller.organisation(), request.command(), caller.userName()),
                CodeOfConduct.current().version());
    }

    /** The current online safety code of conduct, for staff to go through with the young person. */
    @GET
    @Path("code-of-conduct")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public CodeOfConduct codeOfConduct() {
        return CodeOfConduct.current();
    }
}
