package org.safesessions.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.List;
import java.util.Map;

/**
 * A real Kafka broker (KRaft, one combined node) in the test JVM, with the suite's three topics. Tests that prove
 * "Kafka down = events wait" stop and restart it with {@link #stopBroker()} / {@link #startBroker()}; it keeps its port.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    public static final List<String> TOPICS = List.of("consent-events", "session-events", "safeguarding-events");

    private static KafkaClusterTestKit cluster;

    /** The broker logs every partition change at INFO; keep test output readable (held: JUL keeps loggers weakly). */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("kafka"),
            java.util.logging.Logger.getLogger("org.apache.kafka"),
            java.util.logging.Logger.getLogger("state.change.logger"));

    @Override
    public Map<String, String> start() {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
                admin.createTopics(TOPICS.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the test Kafka broker did not start", e);
        }
        return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
    }

    public static String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public static void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    public static void startBroker() {
        broker().startup();
    }

    private static BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
