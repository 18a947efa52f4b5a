package org.safesessions.kit.health;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.safesessions.kit.outbox.KafkaClientSettings;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Kafka cluster answers, at {@code /q/health/group/kafka}. Deliberately not a readiness gate: while
 * Kafka is down a service still takes writes and its outbox keeps their events until Kafka is back (SPEC §7), so
 * taking every pod out of the load balancer would turn a Kafka outage into an outage of the whole API. When Kafka
 * comes back the next check sees it: nothing to restart. (How many events wait is the
 * {@code safesessions_outbox_pending} metric.)
 */
@HealthGroup("kafka")
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
