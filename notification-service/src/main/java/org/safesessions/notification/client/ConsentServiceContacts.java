package org.safesessions.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * consent-service's contact lookup, called with this service's client-credentials token at sending time. Unknown
 * fields are ignored, so consent-service can add to its answer without breaking this client.
 */
@RegisterRestClient(configKey = "consent-service")
@OidcClientFilter
@Path("/young-people")
public interface ConsentServiceContacts {

    @GET
    @Path("{id}/contacts")
    Contacts contacts(@PathParam("id") UUID youngPersonId, @QueryParam("organisation") String organisation);

    /**
     * {@code email} is the young person's own address, if they have one; {@code dateOfBirth} decides if they are told
     * too; {@code preferredLanguage} ({@code en} or {@code cy}; missing: English) is the language of their own messages.
     */
    record Contacts(UUID youngPersonId, String organisation, String preferredName, List<Guardian> guardians,
                    LocalDate dateOfBirth, String email, String preferredLanguage) {
        public List<Guardian> guardians() {
            return guardians == null ? List.of() : guardians;
        }
    }

    /** {@code preferredLanguage}: {@code en} or {@code cy}, the language of this guardian's messages (missing: English). */
    record Guardian(UUID id, String name, String relationship, String email, String phone, String preferredChannel,
                    String preferredLanguage) {
    }
}
