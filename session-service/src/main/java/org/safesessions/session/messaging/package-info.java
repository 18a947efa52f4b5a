/**
 * Consumers of other services' events and the projections they keep, each registering one handler per event type with the kit's {@code EventHandlers} and applied once through the {@code Inbox}.
 * <p>
 * Here, the projection of consent state from {@code consent-events}, which removes young people from future sessions when their consent ends.
 */
package org.safesessions.session.messaging;
