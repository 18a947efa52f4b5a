package org.safesessions.notification.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.safesessions.notification.client.ConsentServiceContacts.Contacts;
import org.safesessions.notification.client.SessionServiceInvitations.JoinDetails;
import org.safesessions.notification.domain.RecipientUnavailableException;

import java.util.UUID;

/**
 * Looks up, at sending time, what families' messages need from the other services. A 404 means the person or the
 * invitation is gone: the message is suppressed, not retried. Anything else (a service down) fails the attempt.
 */
@ApplicationScoped
public class FamilyContacts {

    @Inject
    @RestClient
    ConsentServiceContacts consentService;

    @Inject
    @RestClient
    SessionServiceInvitations sessionService;

    public Contacts contacts(String organisation, UUID youngPersonId) {
        try {
            return consentService.contacts(youngPersonId, organisation);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new RecipientUnavailableException("young person no longer registered");
            }
            throw e;
        }
    }

    public JoinDetails joinDetails(String organisation, UUID sessionId, UUID youngPersonId) {
        try {
            return sessionService.joinDetails(sessionId, youngPersonId, organisation);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new RecipientUnavailableException("no longer invited to the session");
            }
            throw e;
        }
    }
}
