package ca.calgary.representation.metrics.app;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the topology in the background once Kafka and the registry answer (retrying with backoff), and stops it
 * with the application. Its health (the {@code representation} component, part of readiness) is UP only while
 * Kafka Streams is RUNNING.
 */
public class StreamsLifecycle implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StreamsLifecycle.class);

    private final RepresentationProperties properties;
    private final KafkaProperties kafka;
    private final Clock clock;
    private final AtomicReference<RepresentationStreams> streams = new AtomicReference<>();
    private volatile boolean running;
    private volatile String problem = "starting";

    public StreamsLifecycle(RepresentationProperties properties, KafkaProperties kafka, Clock clock) {
        this.properties = properties;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** The topology, once started and while it can answer reads (running, or rebalancing: global views stay). */
    public Optional<RepresentationStreams> streams() {
        return Optional.ofNullable(streams.get()).filter(s -> s.streams().state().isRunningOrRebalancing());
    }

    @Override
    public void start() {
        running = true;
        Thread starter = new Thread(this::startWithRetries, "representation-streams-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void startWithRetries() {
        Duration backoff = Duration.ofSeconds(1);
        while (running && streams.get() == null) {
            try {
                streams.set(RepresentationStreams.start(settings(), clock));
                problem = null;
                log.info("representation topology started");
            } catch (RuntimeException e) {
                problem = "waiting for Kafka and the schema registry: " + e.getMessage();
                log.warn("cannot start the representation topology yet ({}); retrying in {} s", e.getMessage(),
                        backoff.toSeconds());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private RepresentationStreams.Settings settings() {
        Map<String, Object> registry = new HashMap<>(kafka.buildProducerProperties());
        registry.keySet().removeIf(key -> key.startsWith("key.") || key.startsWith("value."));
        Map<String, Object> extra = new HashMap<>();
        if (properties.stateDir() != null) {
            extra.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toString());
        }
        return new RepresentationStreams.Settings(String.join(",", kafka.getBootstrapServers()), registry,
                properties.applicationId(), properties.topicReplication(), properties.topicPartitions(),
                properties.representationConfig(), properties.flowConfig(), properties.publishInterval(), properties.dayCheckInterval(),
                extra);
    }

    @Override
    public Health health() {
        RepresentationStreams current = streams.get();
        if (current == null) {
            return Health.outOfService().withDetail("state", problem).build();
        }
        KafkaStreams.State state = current.streams().state();
        return state == KafkaStreams.State.RUNNING ? Health.up().withDetail("state", state).build()
                : Health.outOfService().withDetail("state", state).build();
    }

    @Override
    public void stop() {
        running = false;
        RepresentationStreams current = streams.getAndSet(null);
        if (current != null) {
            current.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
