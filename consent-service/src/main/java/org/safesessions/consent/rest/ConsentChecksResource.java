package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.BadParameter;
import org.safesessions.kit.rest.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.safesessions.consent.domain.ConsentCheck;
import org.safesessions.consent.application.ConsentChecks;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/** "May young person X take part in scope S on platform P at time T?" (SPEC §3), on the hot path of booking. */
@Path("/consent-checks")
public class ConsentChecksResource {

    @Inject
    ConsentChecks checks;

    @Inject
    Caller caller;

    @Inject
    Time time;

    @Schema(requiredProperties = {"youngPersonId", "scope", "platform", "at", "allowed", "reasons"})
    public record ConsentCheckView(UUID youngPersonId, ConsentScope scope, Platform platform, OffsetDateTime at,
                                   boolean allowed, Set<ConsentCheck.Reason> reasons, UUID consentId) {
    }

    /** {@code at} defaults to now; a {@code +} offset must be URL-encoded, and a space where it was is read as one. */
    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "checkConsent", summary = "May a young person take part in a scope on a platform at a time?",
            description = "Answers allowed, the consent that allows it, and otherwise every reason that applies. at defaults to now (ISO-8601 with offset; URL-encode a +).")
    @APIResponse(responseCode = "200", description = "the answer, with its reasons",
            content = @Content(mediaType = OpenApi.JSON, schema = @Schema(implementation = ConsentCheckView.class)))
    @APIResponse(responseCode = "400", description = "a query parameter is missing or invalid (each named in errors)",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such young person in the caller's organisation",
            content = @Content(mediaType = OpenApi.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ConsentCheckView check(@QueryParam("youngPersonId") @NotNull UUID youngPersonId,
                                  @QueryParam("scope") @NotNull ConsentScope scope,
                                  @QueryParam("platform") @NotNull Platform platform,
                                  @QueryParam("at") String at) {
        OffsetDateTime when = at == null || at.isBlank() ? time.now() : parse(at);
        ConsentCheck check = checks.check(caller.organisation(), youngPersonId, scope, platform, when);
        return new ConsentCheckView(youngPersonId, scope, platform, when, check.allowed(), check.reasons(),
                check.consentId());
    }

    private static OffsetDateTime parse(String at) {
        OffsetDateTime when;
        try {
            when = OffsetDateTime.parse(at.strip().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new BadParameter("at", "must be an ISO-8601 date and time with offset");
        }
        // beyond what the database stores, and beyond any session: a typing error, not a question
        if (when.getYear() < 1900 || when.getYear() > 9999) {
            throw new BadParameter("at", "must be between the years 1900 and 9999");
        }
        return when;
    }
}
