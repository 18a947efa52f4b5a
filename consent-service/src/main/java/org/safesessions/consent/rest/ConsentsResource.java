package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Problem;
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
import org.safesessions.consent.domain.ConsentFacts;
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
    @Operation(operationId = "getConsent", summary = "Read one consent with its status and withdrawal")
    @APIResponse(responseCode = "200", description = "the consent; the withdrawal reason only for the roles that manage consent",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", description = "the id is not a UUID",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such consent in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ConsentView get(@PathParam("id") UUID id) {
        return ConsentView.of(withdrawals.facts(caller.organisation(), id), time.now(), Visibility.forRoles(caller::hasRole));
    }

    /** Withdraws the consent now, by the caller, for the reason given. Withdrawing twice is a 409. */
    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed({Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "withdrawConsent", summary = "Withdraw a consent",
            description = "A new fact beside the consent: the caller, now, and the reason given. Publishes ConsentWithdrawn (never the reason).")
    @APIResponse(responseCode = "201", description = "withdrawn; the consent with its withdrawal",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = ConsentView.class)),
            headers = @Header(name = "Location", description = "where the new record is read", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "the body or a parameter is invalid (each bad field named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such consent in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the consent's state does not allow it: consent-withdrawn-once or only-an-unexpired-consent-can-be-withdrawn",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("id") UUID id, @Valid @NotNull Withdraw request, @Context UriInfo uri) {
        ConsentFacts withdrawn = withdrawals.withdraw(caller.organisation(), id, request.reason(), caller.userName());
        return Response.created(uri.getAbsolutePath())
                .entity(ConsentView.of(withdrawn, time.now(), Visibility.forRoles(caller::hasRole))).build();
    }
}
