package org.safesessions.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "safesessions.inbox")
public interface InboxConfig {

    /**
     * How long a processed-event record is kept. It only has to outlive every redelivery of its event, so it must stay
     * well beyond the topics' retention (30 days in the cluster, k8s/base/kafka/topics.yaml; 7 locally).
     */
    @WithDefault("P90D")
    Duration processedRetention();

    /** How often records past the retention are purged. */
    @WithDefault("1h")
    String purgeEvery();

    /** Rows one purge transaction deletes, so a purge never holds a long lock on a large table. */
    @WithDefault("1000")
    int purgeBatchSize();
}
