package org.safesessions.session.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long the names typed into a session's Zoom waiting room are kept, and how often old ones are looked for. */
@ConfigMapping(prefix = "safesessions.waiting-room")
public interface WaitingRoomConfig {

    /** Entries of a session are deleted this long after it ended: a stranger's free text is kept no longer than it helps. */
    @WithDefault("P30D")
    Duration retention();
}
