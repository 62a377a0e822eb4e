package ca.calgary.representation.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ca.calgary.representation.serde.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;

/**
 * Whether Kafka and the schema registry answer, probed in the background: a service that cannot reach them cannot
 * do its job, so in the readiness group this takes the service out of service, naming what is away and since when,
 * and puts it back by itself once both answer again. It belongs to readiness, not liveness: restarting the service
 * would not bring Kafka back. Health requests read the last probe, so they answer at once even while a dependency
 * hangs.
 */
public final class DependencyHealth implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DependencyHealth.class);

    private final Map<String, Object> adminProperties;
    private final SchemaRegistryClient registry;
    private final DependencyHealthProperties properties;
    private final Clock clock;
    private volatile Health health = Health.outOfService().withDetail("state", "not probed yet").build();
    /** When each dependency stopped answering; guarded by itself, as probes may overlap (a test probing by hand). */
    private final Map<String, Instant> awaySince = new LinkedHashMap<>();
    private ScheduledExecutorService probes;
    private Admin admin;

    /**
     * @param adminProperties how to reach Kafka (Spring's admin properties)
     * @param registry        the registry to ping
     */
    public DependencyHealth(Map<String, Object> adminProperties, SchemaRegistryClient registry,
                            DependencyHealthProperties properties, Clock clock) {
        this.adminProperties = Map.copyOf(adminProperties);
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        return health;
    }

    /** Probes both dependencies now and keeps the outcome for {@link #health()}. */
    void probe() {
        synchronized (awaySince) {
            Map<String, Object> details = new LinkedHashMap<>();
            boolean kafka = check("kafka", details, this::pingKafka);
            boolean registryAnswers = check("schemaRegistry", details, registry::ping);
            Status before = health.getStatus();
            health = (kafka && registryAnswers ? Health.up() : Health.outOfService()).withDetails(details).build();
            if (!health.getStatus().equals(before)) {
                if (health.getStatus().equals(Status.UP)) {
                    log.info("Kafka and the schema registry answer: ready");
                } else {
                    log.warn("not ready: {}", details);
                }
            }
        }
    }

    private boolean check(String dependency, Map<String, Object> details, Runnable ping) {
        try {
            ping.run();
            awaySince.remove(dependency);
            details.put(dependency, "answers");
            return true;
        } catch (RuntimeException e) {
            Instant since = awaySince.computeIfAbsent(dependency, d -> clock.instant());
            details.put(dependency, "does not answer since " + since + ": " + e.getMessage());
            return false;
        }
    }

    private void pingKafka() {
        long timeoutMs = properties.timeout().toMillis();
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs)).nodes()
                    .get(timeoutMs + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + properties.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public synchronized void start() {
        Map<String, Object> settings = new LinkedHashMap<>(adminProperties);
        settings.putIfAbsent("client.id", "dependency-health-" + Integer.toHexString(System.identityHashCode(this)));
        admin = Admin.create(settings);
        probes = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dependency-health");
            thread.setDaemon(true);
            return thread;
        });
        probes.scheduleWithFixedDelay(this::probe, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (probes != null) {
            probes.shutdownNow();
            probes = null;
            admin.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return probes != null;
    }
}
