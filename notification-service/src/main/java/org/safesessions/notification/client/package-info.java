/**
 * Calls out of the service: other services' REST APIs and external systems.
 * <p>
 * Here, consent-service and session-service (contacts, invitees) and the channels: SMTP and the SMS provider.
 */
package org.safesessions.notification.client;
