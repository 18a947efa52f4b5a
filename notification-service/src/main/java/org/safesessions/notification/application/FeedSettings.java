package org.safesessions.notification.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The live in-app stream (SSE). */
@ConfigMapping(prefix = "notification.feed")
public interface FeedSettings {

    /**
     * How often an open stream gets a keep-alive comment, so proxies and load balancers (often 30–60 s idle) keep it
     * open; each one also looks for messages shown by another replica.
     */
    @WithDefault("25s")
    Duration keepAlive();

    /** How far back a reconnecting client (Last-Event-ID) is sent what it missed. */
    @WithDefault("24h")
    Duration replayWindow();
}
