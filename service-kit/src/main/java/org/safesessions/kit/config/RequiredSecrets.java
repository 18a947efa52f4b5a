package org.safesessions.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * The secrets a service cannot run without, as {@code safesessions.required-secrets.<label>=${SETTING}} (prod only).
 * Some settings that carry a secret are optional to Quarkus (the datasource password, the active crypto key), and an
 * optional setting whose {@code ${...}} cannot be expanded is silently empty: the service would start and fail
 * later, at the database or on the first sealed narrative. Repeated here as required values, a missing one stops the
 * start during configuration validation, before anything connects, with SRCFG00011 naming the missing setting.
 */
@ConfigMapping(prefix = "safesessions.required-secrets")
public interface RequiredSecrets {

    @WithParentName
    Map<String, String> values();
}
