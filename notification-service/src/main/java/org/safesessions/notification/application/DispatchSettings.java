package org.safesessions.notification.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "notification.dispatch")
public interface DispatchSettings {

    /** Attempts before a message is dead-lettered. */
    @WithDefault("10")
    int maxAttempts();

    /** Wait after the first failure; doubles each time, up to maxRetryAfter (10 attempts ≈ 50 minutes). */
    @WithDefault("10s")
    Duration firstRetryAfter();

    @WithDefault("15m")
    Duration maxRetryAfter();

    /** How often due messages are looked for (besides right after one is queued). */
    @WithDefault("2s")
    String interval();

    /** How long a claimed message may take to send before another pass takes it up again. */
    @WithDefault("2m")
    Duration sendingLease();

    /** Messages claimed per pass. */
    @WithDefault("50")
    int batchSize();

    /** Messages of a batch sent at the same time (SMTP and look-ups are mostly waiting). */
    @WithDefault("8")
    int concurrency();
}
