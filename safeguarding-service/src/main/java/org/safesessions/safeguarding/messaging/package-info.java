/**
 * Consumers of other services' events and the projections they keep, each registering one handler per event type with the kit's {@code EventHandlers} and applied once through the {@code Inbox}.
 * <p>
 * Here, concerns raised from session events (an unknown participant joined, a session terminated early).
 */
package org.safesessions.safeguarding.messaging;
