package org.safesessions.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "notification.dispatch")
public interface DispatchSettings {

    /** Attempts before a message is dead-lettered. */
    @WithDefault("6")
    int maxAttempts();

    /** Wait after the first failure; doubles each time. */
    @WithDefault("5s")
    Duration firstRetryAfter();

    @WithDefault("15m")
    Duration maxRetryAfter();

    /** How often due messages are looked for (besides right after one is queued). */
    @WithDefault("2s")
    String interval();

    /** Messages handled per pass. */
    @WithDefault("20")
    int batchSize();
}
