package ca.calgary.representation.streams;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a Kafka Streams application in the background once Kafka and the registry answer (retrying with backoff),
 * and stops it with the Spring application. As a health indicator (make it part of readiness) it is UP only while
 * every Kafka Streams application it runs is RUNNING.
 *
 * @param <S> the started application
 */
public class StreamsLifecycle<S extends StreamsApplication> implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StreamsLifecycle.class);

    private final String name;
    private final Supplier<S> starter;
    private final AtomicReference<S> streams = new AtomicReference<>();
    private volatile boolean running;
    private volatile String problem = "starting";

    /**
     * @param name    what the logs and the starting thread call it
     * @param starter provisions and starts the application; throws while Kafka or the registry do not answer
     */
    public StreamsLifecycle(String name, Supplier<S> starter) {
        this.name = name;
        this.starter = starter;
    }

    /** The application, once started and while it can answer reads (running, or rebalancing: global views stay). */
    public Optional<S> streams() {
        return Optional.ofNullable(streams.get()).filter(s -> s.streams().state().isRunningOrRebalancing());
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::startWithRetries, name + "-start");
        thread.setDaemon(true);
        thread.start();
    }

    private void startWithRetries() {
        Duration backoff = Duration.ofSeconds(1);
        while (running && streams.get() == null) {
            try {
                streams.set(starter.get());
                problem = null;
                log.info("{} started", name);
            } catch (RuntimeException e) {
                problem = "waiting for Kafka and the schema registry: " + e.getMessage();
                log.warn("cannot start {} yet ({}); retrying in {} s", name, e.getMessage(), backoff.toSeconds());
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

    @Override
    public Health health() {
        S current = streams.get();
        if (current == null) {
            return Health.outOfService().withDetail("state", problem).build();
        }
        Map<String, KafkaStreams> applications = current.applications();
        if (applications.size() == 1) {
            KafkaStreams.State state = applications.values().iterator().next().state();
            return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.outOfService())
                    .withDetail("state", state).build();
        }
        Map<String, KafkaStreams.State> states = new LinkedHashMap<>();
        applications.forEach((name, application) -> states.put(name, application.state()));
        boolean running = states.values().stream().allMatch(state -> state == KafkaStreams.State.RUNNING);
        return (running ? Health.up() : Health.outOfService()).withDetail("state", states).build();
    }

    @Override
    public void stop() {
        running = false;
        S current = streams.getAndSet(null);
        if (current != null) {
            current.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
