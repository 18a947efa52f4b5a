/**
 * Consumers of other services' events and the projections they keep, each registering one handler per event type with the kit's {@code EventHandlers} and applied once through the {@code Inbox}.
 * <p>
 * Here, the routers that turn consent, session and safeguarding events into messages to send.
 */
package org.safesessions.notification.messaging;
