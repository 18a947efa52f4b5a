package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.application.PolicyAdministration.PlatformState;
import org.safesessions.session.application.PolicyAdministration;
import org.safesessions.session.client.ZoomFailure;
import org.safesessions.session.rest.PolicyMessages.PlatformView;
import org.safesessions.session.rest.PolicyMessages.PolicyUpdate;
import org.safesessions.session.rest.PolicyMessages.PolicyView;
import org.safesessions.session.rest.PolicyMessages.RiskAssessment;
import org.safesessions.session.rest.PolicyMessages.ZoomHostsUpdate;
import org.safesessions.session.rest.PolicyMessages.ZoomHostsView;

/** The organisation's session policy and approved platforms: read by staff, edited by managers (SPEC §2). */
@Path("/policy")
public class PolicyResource {

    @Inject
    Caller caller;

    @Inject
    PolicyAdministration policies;

    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "getPolicy", summary = "Read the session policy and approved platforms")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The policy (defaults until a manager edits it) and platforms",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = PolicyView.class)))
    })
    public PolicyView get() {
        return PolicyView.of(policies.policy(caller.organisation()));
    }

    @PUT
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "replacePolicy", summary = "Replace the session policy")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The policy as replaced",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = PolicyView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public PolicyView update(@Valid @NotNull PolicyUpdate update) {
        return PolicyView.of(policies.replace(caller.organisation(), new PolicyAdministration.ReplacePolicy(
                update.minGroupFacilitators(), update.maxGroupSize(), update.workingDays(), update.workingDayStarts(),
                update.workingDayEnds(), update.timeZone(), update.maxLengthMinutes()), caller.userName()));
    }

    /** Records (or renews) a platform's risk assessment; the platform is approved until its review date. */
    @PUT
    @Path("platforms/{platform}")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "assessPlatform", summary = "Record a platform's risk assessment")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The platform, approved until its review date",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = PlatformView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public PlatformView assess(@PathParam("platform") Platform platform, @Valid @NotNull RiskAssessment assessment) {
        PlatformState assessed = policies.assess(caller.organisation(), platform, new PolicyAdministration.AssessPlatform(
                assessment.assessedBy(), assessment.assessedOn(), assessment.reviewDue()), caller.userName());
        return PlatformView.of(assessed.platform(), assessed.today());
    }

    /** Withdraws a platform's approval: no new booking on it. */
    @DELETE
    @Path("platforms/{platform}")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "withdrawPlatformApproval", summary = "Withdraw a platform's approval")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Withdrawn: no new booking on the platform"),
            @APIResponse(responseCode = "404", description = "The platform has no approval",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public void withdraw(@PathParam("platform") Platform platform) {
        policies.withdraw(caller.organisation(), platform);
    }

    @GET
    @Path("zoom-hosts")
    @RolesAllowed({Roles.COORDINATOR, Roles.MANAGER})
    @Operation(operationId = "getZoomHosts", summary = "Read the organisation's pool of Zoom host users")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The pool (the service's default hosts until a manager sets one)",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ZoomHostsView.class)))
    })
    public ZoomHostsView zoomHosts() {
        return ZoomHostsView.of(policies.zoomHosts(caller.organisation()));
    }

    /** Replaces the pool of licensed Zoom host users sessions get a host from (SPEC §4). */
    @PUT
    @Path("zoom-hosts")
    @RolesAllowed(Roles.MANAGER)
    @Operation(operationId = "replaceZoomHosts", summary = "Replace the organisation's pool of Zoom host users")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The pool as replaced",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ZoomHostsView.class))),
            @APIResponse(responseCode = "400", description = ApiDocs.INVALID,
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "422", description = "`zoom-host-safety-settings-must-hold`: a host entering the "
                    + "pool does not hold every safety setting once enforced (or Zoom refused them); `detail` names its "
                    + "place in `hosts` and Zoom's names of the settings. The pool is unchanged",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class))),
            @APIResponse(responseCode = "503", description = "Zoom failed or could not be reached while the entering "
                    + "hosts' settings were checked; the pool is unchanged: try again (`Retry-After`)",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public ZoomHostsView replaceZoomHosts(@Valid @NotNull ZoomHostsUpdate update) {
        return ZoomHostsView.of(policies.replaceZoomHosts(caller.organisation(), update.hosts(), caller.userName()));
    }

    /** Zoom away or failing while a new host's settings are checked: try again shortly, as for Keycloak. */
    @ServerExceptionMapper
    public Response zoomUnavailable(ZoomFailure failure) {
        long seconds = failure.retryAfter().map(d -> Math.max(1, Math.min(d.toSeconds(), 60))).orElse(5L);
        return Response.fromResponse(Problem.of(503, "Service Unavailable",
                "Zoom could not check the hosts' settings; try again shortly").toResponse())
                .header("Retry-After", Long.toString(seconds)).build();
    }
}
