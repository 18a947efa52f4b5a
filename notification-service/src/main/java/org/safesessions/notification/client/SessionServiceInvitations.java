package org.safesessions.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * session-service's join details for one invited young person (their personal Zoom link and the passcode), read with
 * this service's client-credentials token (role invitation-reader) when an invitation or reminder is sent: the link
 * never travels on Kafka.
 */
@RegisterRestClient(configKey = "session-service")
@OidcClientFilter
@Path("/sessions")
public interface SessionServiceInvitations {

    @GET
    @Path("{sessionId}/invitations/{youngPersonId}/join-details")
    JoinDetails joinDetails(@PathParam("sessionId") UUID sessionId, @PathParam("youngPersonId") UUID youngPersonId,
                            @QueryParam("organisation") String organisation);

    /** {@code joinUrl} and {@code passcode} are null on platforms other than Zoom. */
    record JoinDetails(UUID sessionId, UUID youngPersonId, String title, String platform, OffsetDateTime startsAt,
                       OffsetDateTime endsAt, String joinUrl, String passcode) {
    }
}
