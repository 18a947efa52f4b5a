package org.safesessions.portal;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** The portal's settings: where the four services are, and the secrets it signs with. */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    String keycloakOrigin();

    Services services();

    String csrfKey();

    Session session();

    interface Services {
        String consent();

        String session();

        String safeguarding();

        String notification();

        Duration timeout();
    }

    interface Session {
        /** Keycloak's SSO idle time: after it, the next request signs in again. */
        Duration idleTimeout();

        /** How long before the idle time runs out the page warns. */
        Duration warnBefore();
    }
}
