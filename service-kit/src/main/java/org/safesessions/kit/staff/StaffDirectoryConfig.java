package org.safesessions.kit.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where the staff directory reads Keycloak, and as whom (the service's own confidential client). */
@ConfigMapping(prefix = "safesessions.staff-directory")
public interface StaffDirectoryConfig {

    /** Keycloak's base URL (without {@code /realms/...}); unset: the directory is unavailable. */
    Optional<URI> url();

    @WithDefault("safesessions")
    String realm();

    /** The service account's client; defaults to the application name (see the kit's shared configuration). */
    String clientId();

    /** Read from {@code STAFF_DIRECTORY_CLIENT_SECRET}; never written in a property file for %prod. */
    Optional<String> clientSecret();

    /** How long a roster read from Keycloak is trusted before it is read again. */
    @WithDefault("30s")
    Duration cacheTtl();

    /** Connect and read timeout of each call to Keycloak. */
    @WithDefault("3s")
    Duration timeout();
}
