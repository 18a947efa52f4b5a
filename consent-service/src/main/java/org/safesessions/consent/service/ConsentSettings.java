package org.safesessions.consent.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

@ConfigMapping(prefix = "consent")
public interface ConsentSettings {

    /** How long a consent lasts when the form gives no expiry (organisation default, SPEC §3). */
    @WithDefault("P12M")
    Period defaultValidity();
}
