import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the local suite's topics that do not exist yet, in one JVM: bin/lib/kafka.sh runs it with Kafka's own jars
 * on the class path ({@code java -cp 'libs/*' EnsureTopics.java BOOTSTRAP PARTITIONS TOPIC...}), once the broker's
 * port is open. One start instead of one {@code kafka-topics} JVM per topic plus one to list them. Prints the topics it
 * created, one per line; exits 1 (with the cause) when the broker does not answer within 60 s.
 */
public final class EnsureTopics {

    private EnsureTopics() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: EnsureTopics BOOTSTRAP PARTITIONS TOPIC...");
            System.exit(2);
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        int partitions = Integer.parseInt(args[1]);
        List<String> wanted = List.of(args).subList(2, args.length);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = wanted.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .toList();
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get();
                    System.out.println(created.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            System.err.println("could not create the topics: " + e.getCause());
            System.exit(1);
        }
    }
}
