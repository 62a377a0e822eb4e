package ca.calgary.representation.events.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ca.calgary.representation.serde.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service does at start for the topics it writes: creates them if missing (with the catalog's settings),
 * sets their value subjects to BACKWARD compatibility on the registry and registers the current schemas, so
 * publishers with {@code auto.register.schemas=false} find them. Idempotent: safe on every start of every instance.
 */
public final class EventContractsProvisioner {

    public static final String COMPATIBILITY = "BACKWARD";

    private static final Logger log = LoggerFactory.getLogger(EventContractsProvisioner.class);

    private final int partitions;
    private final short replicationFactor;

    /**
     * @param partitions        partitions of a topic created here (existing topics are left as they are)
     * @param replicationFactor replicas of a topic created here; min.insync.replicas becomes min(2, replicas)
     */
    public EventContractsProvisioner(int partitions, short replicationFactor) {
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public void provision(Admin admin, SchemaRegistryClient registry, List<? extends TopicContract> topics) {
        createTopics(admin, topics);
        registerSchemas(registry, topics);
    }

    public void createTopics(Admin admin, List<? extends TopicContract> topics) {
        List<NewTopic> wanted = new ArrayList<>();
        for (TopicContract topic : topics) {
            Map<String, String> configs = new HashMap<>(topic.topicConfigs());
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, replicationFactor)));
            wanted.add(new NewTopic(topic.topicName(), partitions, replicationFactor).configs(configs));
        }
        admin.createTopics(wanted).values().forEach((name, future) -> {
            try {
                future.get();
                log.info("created topic {}", name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + name, e);
            }
        });
    }

    public void registerSchemas(SchemaRegistryClient registry, List<? extends TopicContract> topics) {
        for (TopicContract topic : topics) {
            registry.setCompatibility(topic.valueSubject(), COMPATIBILITY);
            int id = registry.register(topic.valueSubject(), topic.valueSchema());
            log.info("subject {} is {} with schema id {}", topic.valueSubject(), COMPATIBILITY, id);
        }
    }
}
