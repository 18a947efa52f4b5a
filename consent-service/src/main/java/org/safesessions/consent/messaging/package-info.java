/**
 * Consumers of other services' events and the projections they keep, each registering one handler per event type with the kit's {@code EventHandlers} and applied once through the {@code Inbox}.
 * <p>
 * consent-service consumes no events today: it is where consent events come from. The package is kept so that every service has the same five layers.
 */
package org.safesessions.consent.messaging;
