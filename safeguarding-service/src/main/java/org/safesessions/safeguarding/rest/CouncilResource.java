package org.safesessions.safeguarding.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.rest.PageRequest;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.safeguarding.application.CouncilReferrals;
import org.safesessions.safeguarding.application.CouncilWebhooks;
import org.safesessions.safeguarding.rest.CouncilViews.Delivery;
import org.safesessions.safeguarding.rest.CouncilViews.Referral;
import org.safesessions.safeguarding.rest.CouncilViews.ReferralSummary;
import org.safesessions.safeguarding.rest.CouncilViews.Webhook;
import org.safesessions.safeguarding.application.ConcernRegister;

import java.util.UUID;

/**
 * Partner councils, machine to machine (client-credentials token with role partner-council and a {@code council}
 * claim): the referrals escalated to their council, their responses, and their optional webhook.
 */
@Path("/council")
@RolesAllowed(Roles.PARTNER_COUNCIL)
public class CouncilResource {

    @Inject
    CouncilReferrals referrals;

    @Inject
    CouncilWebhooks webhooks;

    @Inject
    ConcernRegister register;

    @Inject
    Caller caller;

    @GET
    @Path("referrals")
    public Page<ReferralSummary> referrals(@Valid @BeanParam PageRequest page) {
        return referrals.list(caller.council(), page.page, page.size).map(ReferralSummary::of);
    }

    @GET
    @Path("referrals/{id}")
    public Referral referral(@PathParam("id") UUID id) {
        return Referral.of(referrals.read(caller.council(), id, caller.userName(), register::narrative));
    }

    @POST
    @Path("referrals/{id}/responses")
    public Response respond(@PathParam("id") UUID id, @Valid @NotNull ConcernRequests.CouncilResponse response) {
        var c = referrals.respond(caller.council(), id, response.command(), caller.userName());
        return Response.status(Response.Status.CREATED).entity(ReferralSummary.of(c)).build();
    }

    /** Registers (or replaces) the council's webhook; the signing secret is in this answer only. */
    @PUT
    @Path("webhook")
    public Webhook registerWebhook(@Valid @NotNull ConcernRequests.WebhookRegistration request) {
        var registered = webhooks.register(caller.council(), request.url(), caller.userName());
        return Webhook.of(registered.webhook(), registered.secret());
    }

    @GET
    @Path("webhook")
    public Webhook webhook() {
        return Webhook.of(webhooks.get(caller.council()), null);
    }

    @DELETE
    @Path("webhook")
    public Response removeWebhook() {
        webhooks.remove(caller.council());
        return Response.noContent().build();
    }

    @GET
    @Path("webhook/deliveries")
    public Page<Delivery> deliveries(@Valid @BeanParam PageRequest page) {
        return webhooks.deliveries(caller.council(), page.page, page.size).map(Delivery::of);
    }
}
