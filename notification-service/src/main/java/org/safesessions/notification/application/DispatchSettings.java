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

    /**
     * Messages sent at the same time (SMTP and look-ups are mostly waiting). 1,000 invitations alone: 10.3-10.7 s with
     * 8, 9.3-9.4 s with 16 (bench/invitation-emails.sh, 3 Dec 2026); a sender holds a database connection only for
     * its short transactions, so 16 fit the default pool of 20.
     */
    @WithDefault("16")
    int concurrency();
}
