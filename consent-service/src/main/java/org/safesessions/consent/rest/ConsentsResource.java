package org.safesessions.consent.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.safesessions.consent.domain.Consent;
import org.safesessions.consent.domain.ConsentWithdrawal;
import org.safesessions.consent.domain.Visibility;
import org.safesessions.consent.rest.ConsentMessages.ConsentView;
import org.safesessions.consent.rest.ConsentMessages.Withdraw;
import org.safesessions.consent.application.ConsentWithdrawals;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;

import java.util.UUID;

/** One consent, and its withdrawal. */
@Path("/consents")
public class ConsentsResource {

    @Inject
    ConsentWithdrawals withdrawals;

    @Inject
    Caller caller;

    @Inject
    Time time;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public ConsentView get(@PathParam("id") UUID id) {
        Consent consent = withdrawals.consent(caller.organisation(), id);
        ConsentWithdrawal withdrawal = ConsentWithdrawal.findById(id);
        return ConsentView.of(consent, withdrawal, time.now(), Visibility.forRoles(caller::hasRole));
    }

    /** Withdraws the consent now, by the caller, for the reason given. Withdrawing twice is a 409. */
    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed({Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public Response withdraw(@PathParam("id") UUID id, @Valid @NotNull Withdraw request, @Context UriInfo uri) {
        ConsentWithdrawal withdrawal = withdrawals.withdraw(caller.organisation(), id, request.reason(), caller.userName());
        Consent consent = Consent.findById(id);
        return Response.created(uri.getAbsolutePath())
                .entity(ConsentView.of(consent, withdrawal, time.now(), Visibility.forRoles(caller::hasRole))).build();
    }
}
