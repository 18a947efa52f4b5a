package org.safesessions.session.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.safesessions.session.domain.Facilitators;

import java.time.Duration;

/** Zoom Server-to-Server OAuth credentials, the host user, webhook secret and the retry policy. */
@ConfigMapping(prefix = "safesessions.zoom")
public interface ZoomConfig {

    String accountId();

    String clientId();

    String clientSecret();

    /** The Zoom user that hosted every meeting before host pools: meetings made then stay with it. */
    @WithDefault("me")
    String hostUser();

    /** The host pool of an organisation whose manager has not set one (Zoom user ids or emails). */
    @WithDefault("me")
    java.util.List<String> defaultHosts();

    /** A host is free for a session only with this long before and after it clear of its other meetings. */
    @WithDefault("PT15M")
    Duration hostMargin();

    /** Zoom's limit of meetings created or updated per host per UTC day. */
    @WithDefault("100")
    int meetingsPerHostPerDay();

    /** Secret token of the webhook subscription (signature and url validation). */
    String webhookSecret();

    /** Attempts before provisioning gives up and MeetingProvisioningFailed is published. */
    @WithDefault("6")
    int maxAttempts();

    @WithDefault("PT2S")
    Duration firstBackoff();

    /**
     * The least wait after a timeout: Zoom may still be carrying out the request that timed out, and the retry's
     * look-up (a meeting by its agenda, a registrant by email) must see its result rather than create it again.
     */
    @WithDefault("PT15S")
    Duration timeoutSettle();

    /** How often retries whose backoff has passed are picked up (read by the scheduler expression). */
    @WithDefault("1s")
    String pollInterval();

    @WithDefault("PT5M")
    Duration maxBackoff();

    /** The Zoom account's plan, which sets its per-second limits by request type (Light, Medium, Heavy). */
    @WithDefault("pro")
    ZoomRateCategory.ZoomPlan plan();

    /**
     * The share of each per-second limit the calls are paced to (the rolling window's size, {@link ZoomRateLimits}):
     * a margin for other clients of the same Zoom account and for clocks that do not quite agree.
     */
    @WithDefault("0.9")
    double rateHeadroom();

    /** Zoom calls of one provisioning pass in flight at once (registrants of a session), all within the limits. */
    @WithDefault("16")
    int concurrency();

    /** Per-second 429s a call waits out (Retry-After) before its attempt is put back for the provisioner's backoff. */
    @WithDefault("20")
    int rateLimitedRetries();

    /**
     * Registrants are young people, but their contact details stay in consent-service: each registrant gets a
     * pseudonymous address {@code <young person id>@<this domain>} that only identifies the invitation.
     */
    @WithDefault("invitees.safesessions.invalid")
    String registrantEmailDomain();

    /** Facilitators are recognised in Zoom by the address {@code <user name>@<this domain>}. */
    @WithDefault("staff.safesessions.invalid")
    String staffEmailDomain();
}
