package org.safesessions.kit.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.Future;

/**
 * The Kafka producer the relay sends through. Idempotent and {@code acks=all}; short blocking limits so that
 * a relay pass with Kafka down gives up quickly and leaves the events in the outbox.
 */
@ApplicationScoped
public class EventProducer {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile KafkaProducer<String, String> producer;

    public Future<RecordMetadata> send(String topic, String key, String value) {
        return producer().send(new ProducerRecord<>(topic, key, value));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings(), new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = KafkaClientSettings.from(kafkaConfig);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return settings;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
