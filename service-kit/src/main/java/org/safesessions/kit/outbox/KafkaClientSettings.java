package org.safesessions.kit.outbox;

import java.util.HashMap;
import java.util.Map;

/** The client-level part of the service's Kafka configuration (bootstrap servers, security), for our own clients. */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /** {@code kafka.*} settings without the messaging channels' own ({@code mp.*}) and without (de)serialisers. */
    public static Map<String, Object> from(Map<String, Object> kafkaConfig) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (!key.startsWith("mp.") && !key.contains("serializer")) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
