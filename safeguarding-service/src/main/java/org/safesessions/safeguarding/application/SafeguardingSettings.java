package org.safesessions.safeguarding.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** The service's settings ({@code safeguarding.*}); see the README's settings table. */
@ConfigMapping(prefix = "safeguarding")
public interface SafeguardingSettings {

    /** How long a DSL has to acknowledge an IMMEDIATE_DANGER concern before the clock is breached. */
    @WithDefault("PT15M")
    Duration acknowledgementWithin();

    /** Working days a partner council has to decide on a referral. */
    @WithDefault("1")
    int councilDecisionWorkingDays();

    /** Whose calendar working days and bank holidays follow. */
    @WithDefault("Europe/London")
    ZoneId workingDayZone();

    Clocks clocks();

    Webhooks webhooks();

    interface Clocks {
        /** How often the clocks are checked (a Quarkus scheduler period; {@code off} disables the job). */
        @WithDefault("30s")
        String checkEvery();
    }

    interface Webhooks {
        /** How often due deliveries are pushed ({@code off} disables the job). */
        @WithDefault("5s")
        String dispatchEvery();

        /** Wait after the first failed delivery; doubles each time up to {@link #maxRetry()}. */
        @WithDefault("PT10S")
        Duration firstRetry();

        @WithDefault("PT1H")
        Duration maxRetry();

        /** Connect and response timeout for one delivery attempt. */
        @WithDefault("PT5S")
        Duration timeout();
    }
}
