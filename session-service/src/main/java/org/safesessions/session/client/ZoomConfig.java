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

    /** The Zoom user that hosts the organisation's meetings and whose settings are enforced. */
    @WithDefault("me")
    String hostUser();

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
