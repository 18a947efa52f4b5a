package org.safesessions.kit.health;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.safesessions.kit.outbox.KafkaClientSettings;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ready only while the Kafka cluster answers. When Kafka comes back the next probe sees it: nothing to restart.
 * (How many events wait in the outbox is the {@code safesessions_outbox_pending} metric.)
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile Admin admin;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("kafka-broker");
        try {
            String clusterId = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                    .clusterId().get(3, TimeUnit.SECONDS);
            builder.up().withData("clusterId", clusterId);
        } catch (Exception e) {
            builder.down().withData("error", e.getClass().getSimpleName());
        }
        return builder.build();
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> settings = KafkaClientSettings.from(kafkaConfig);
                    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
                    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
                    admin = Admin.create(settings);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
