package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
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

    public record ConsentStateView(UUID consentId, ConsentScope scope, Set<Platform> platforms, OffsetDateTime givenAt,
                                   OffsetDateTime expiresAt, ProjectedConsent.ConsentState state) {
    }

    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    public List<ConsentStateView> consentState(@PathParam("youngPersonId") UUID youngPersonId) {
        return consentStates.of(caller.organisation(), youngPersonId).stream().map(c -> new ConsentStateView(
                c.consent().consentId, c.consent().scope, c.consent().platforms, c.consent().givenAt,
                c.consent().expiresAt, c.state())).toList();
    }
}
