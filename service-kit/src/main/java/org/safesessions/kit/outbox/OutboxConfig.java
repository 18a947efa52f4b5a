package org.safesessions.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "safesessions.outbox")
public interface OutboxConfig {

    /**
     * The one topic this service writes. In a cluster its Kafka user may write only there (k8s-check derives the
     * ACLs from this setting), so {@link Outbox} refuses an event for another topic in the writing transaction,
     * rather than losing it to an authorisation error at the relay. Unset: the service publishes nothing.
     */
    Optional<String> topic();

    /** How often the safety-net relay pass runs; also the first wait after Kafka did not acknowledge a batch. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The longest wait between tries while Kafka does not acknowledge (the wait doubles from the poll interval). */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How many events one relay pass sends. */
    @WithDefault("200")
    int batchSize();

    /** How long a relay pass waits for Kafka to acknowledge before leaving the events for the next pass. */
    @WithDefault("15s")
    Duration sendTimeout(); // beyond the producer's delivery timeout (10 s), so a late acknowledgement is still seen

    /** Published events are kept this long (for tracing), then removed. */
    @WithDefault("P7D")
    Duration keepPublished();
}
