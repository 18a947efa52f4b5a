package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.application.ConsentStates;
import org.safesessions.session.domain.ProjectedConsent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The consent state session-service books against: its own projection of consent events. */
@Path("/young-people/{youngPersonId}/consent-state")
public class ConsentStateResource {

    @Inject
    Caller caller;

    @Inject
    ConsentStates consentStates;

    @Schema(requiredProperties = {"consentId", "scope", "platforms", "givenAt", "expiresAt", "state"})
    public record ConsentStateView(UUID consentId, ConsentScope scope, Set<Platform> platforms, OffsetDateTime givenAt,
                                   OffsetDateTime expiresAt, ProjectedConsent.ConsentState state) {
    }

    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "getConsentState", summary = "Read the consent state session-service books against")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The young person's projected consents",
                    content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsentStateView.class))),
            @APIResponse(responseCode = "404", description = "No consent of the young person is known here",
                    content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    })
    public List<ConsentStateView> consentState(@PathParam("youngPersonId") UUID youngPersonId) {
        return consentStates.of(caller.organisation(), youngPersonId).stream().map(c -> new ConsentStateView(
                c.consent().consentId, c.consent().scope, c.consent().platforms, c.consent().givenAt,
                c.consent().expiresAt, c.state())).toList();
    }
}
