package org.safesessions.zoomsim.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.safesessions.zoomsim.state.ZoomPlan;

/**
 * The simulated Zoom account: who may get a token, where webhooks go, which limits apply.
 * Defaults are the local stack's; a suite run overrides them with ZOOM_SIM_* variables.
 */
@ConfigMapping(prefix = "zoom-sim")
public interface ZoomSimConfig {

    /** The Server-to-Server app's account id, sent as {@code account_id} to /oauth/token. */
    @WithDefault("local-account")
    String accountId();

    @WithDefault("local-client")
    String clientId();

    @WithDefault("local-secret")
    String clientSecret();

    /** Zoom's S2S tokens live one hour and cannot be refreshed. */
    @WithDefault("3600")
    int tokenTtlSeconds();

    /**
     * Zoom allows a host 100 meetings created or updated per UTC day (the name predates counting updates);
     * the 101st answers 429.
     */
    @WithDefault("100")
    int meetingCreationsPerHostPerDay();

    RateLimits rateLimits();

    interface RateLimits {

        /** The account's plan, which sets the per-second limit of each request type (Light, Medium, Heavy). */
        @WithDefault("pro")
        ZoomPlan plan();

        /** Off: requests are still counted per second, but none is refused for its rate. */
        @WithDefault("true")
        boolean enabled();
    }

    /** Base of the join, start and registration links handed out; nothing is served there. */
    @WithDefault("https://zoom.us")
    String webBaseUrl();

    Webhook webhook();

    interface Webhook {

        /** Where {@code POST /_sim/webhooks} delivers events unless the request names another target. */
        @WithDefault("http://127.0.0.1:8082/zoom/webhooks")
        String url();

        /** The app's webhook secret token, the HMAC key of {@code x-zm-signature}. */
        @WithDefault("local-webhook-secret")
        String secret();

        @WithDefault("10000")
        int timeoutMs();
    }
}
