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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Problem;
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

    @Operation(operationId = "listReferrals", summary = "List the referrals escalated to the caller's council")
    @APIResponse(responseCode = "200", description = "A page of referrals, newest first")
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("referrals")
    public Page<ReferralSummary> referrals(@Valid @BeanParam PageRequest page) {
        return referrals.list(caller.council(), page.page, page.size).map(ReferralSummary::of);
    }

    @Operation(operationId = "readReferral", summary = "Read a referral, without internal notes (the read is logged)")
    @APIResponse(responseCode = "200", description = "The referral",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Referral.class)))
    @APIResponse(responseCode = "404", description = "No referral escalated to the caller's council with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("referrals/{id}")
    public Referral referral(@PathParam("id") UUID id) {
        return Referral.of(referrals.read(caller.council(), id, caller.userName(), register::narrative));
    }

    @Operation(operationId = "recordCouncilResponse", summary = "Record the council's response to a referral")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralSummary.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No referral escalated to the caller's council with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rules `decision-time-not-in-the-future`, `decision-time-after-escalation`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("referrals/{id}/responses")
    public Response respond(@PathParam("id") UUID id, @Valid @NotNull ConcernRequests.CouncilResponse response) {
        var c = referrals.respond(caller.council(), id, response.command(), caller.userName());
        return Response.status(Response.Status.CREATED).entity(ReferralSummary.of(c)).build();
    }

    /** Registers (or replaces) the council's webhook; the signing secret is in this answer only. */
    @Operation(operationId = "registerCouncilWebhook", summary = "Register or replace the council's webhook")
    @APIResponse(responseCode = "200", description = "Registered; the signing secret is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rule `webhook-url-is-http`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PUT
    @Path("webhook")
    public Webhook registerWebhook(@Valid @NotNull ConcernRequests.WebhookRegistration request) {
        var registered = webhooks.register(caller.council(), request.url(), caller.userName());
        return Webhook.of(registered.webhook(), registered.secret());
    }

    @Operation(operationId = "readCouncilWebhook", summary = "Read the council's webhook registration (without its secret)")
    @APIResponse(responseCode = "200", description = "The registration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "404", description = "The council has no webhook registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("webhook")
    public Webhook webhook() {
        return Webhook.of(webhooks.get(caller.council()), null);
    }

    @Operation(operationId = "removeCouncilWebhook", summary = "Remove the council's webhook")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The council has no webhook registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @DELETE
    @Path("webhook")
    public Response removeWebhook() {
        webhooks.remove(caller.council());
        return Response.noContent().build();
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "List the pushes to the council's webhook, with every attempt")
    @APIResponse(responseCode = "200", description = "A page of deliveries, newest first")
    @APIResponse(responseCode = "400", description = "Invalid input: the problem's `errors` name each bad field (values are never echoed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("webhook/deliveries")
    public Page<Delivery> deliveries(@Valid @BeanParam PageRequest page) {
        return webhooks.deliveries(caller.council(), page.page, page.size).map(Delivery::of);
    }
}
