package ca.calgary.representation.ingest.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import ca.calgary.representation.events.contract.EventContractsProvisioner;
import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.serde.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Brings the service's dependencies into shape in the background, retrying until Kafka and the registry answer:
 * creates the service's topics and the ledger topic, sets the value subjects to BACKWARD and registers the
 * schemas, then loads the ledger. Until then the {@code ingest} health component, which is part of the readiness
 * group, is OUT_OF_SERVICE, and event requests get 503 with Retry-After.
 */
class IngestStartup implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(IngestStartup.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final IngestProperties properties;
    private final Map<String, Object> adminProperties;
    private final Map<String, Object> consumerProperties;
    private final SchemaRegistryClient registry;
    private final AcceptedEventLedger ledger;
    private final AtomicReference<String> state = new AtomicReference<>("starting");
    private volatile boolean provisioned;
    private volatile boolean running;
    private Thread worker;

    IngestStartup(IngestProperties properties, Map<String, Object> adminProperties,
                  Map<String, Object> consumerProperties, SchemaRegistryClient registry, AcceptedEventLedger ledger) {
        this.properties = properties;
        this.adminProperties = adminProperties;
        this.consumerProperties = consumerProperties;
        this.registry = registry;
        this.ledger = ledger;
    }

    /** True once topics and schemas are in place and the ledger has caught up. */
    boolean isReady() {
        return provisioned && ledger.isCaughtUp();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::provisionUntilDone, "ingest-startup");
        worker.setDaemon(true);
        worker.start();
    }

    private void provisionUntilDone() {
        Duration backoff = Duration.ofSeconds(1);
        List<EventTopic> topics = properties.service().eventTypes().stream().map(type -> type.topic()).distinct()
                .toList();
        while (running && !provisioned) {
            try (Admin admin = Admin.create(adminProperties)) {
                EventContractsProvisioner provisioner = new EventContractsProvisioner(properties.topicPartitions(),
                        properties.topicReplication());
                provisioner.provision(admin, registry, topics);
                createLedgerTopic(admin);
                provisioned = true;
                state.set("loading the accepted-event ledger");
                log.info("{} service: topics {} and their schemas are in place", properties.serviceName(), topics);
            } catch (RuntimeException e) {
                state.set("waiting for Kafka and the schema registry: " + e.getMessage());
                log.warn("{} service cannot provision its topics yet ({}); retrying in {} s",
                        properties.serviceName(), e.getMessage(), backoff.toSeconds());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        if (!running) {
            return;
        }
        ledger.start(consumerProperties);
        while (running && !ledger.isCaughtUp()) {
            sleep(Duration.ofMillis(100));
        }
        if (running) {
            state.set("ready");
        }
    }

    private void createLedgerTopic(Admin admin) {
        NewTopic topic = new NewTopic(AcceptedEventLedger.TOPIC, properties.topicPartitions(),
                properties.topicReplication()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + ","
                        + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.idempotencyWindow().toMillis()),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, properties.topicReplication()))));
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + AcceptedEventLedger.TOPIC + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Health health() {
        return isReady() ? Health.up().withDetail("state", "ready").build()
                : Health.outOfService().withDetail("state", state.get()).build();
    }

    @Override
    public void stop() {
        running = false;
        ledger.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
