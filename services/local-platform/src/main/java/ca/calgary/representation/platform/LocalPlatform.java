package ca.calgary.representation.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka KRaft broker and Apicurio Registry on this machine, for local runs and integration tests.
 * Both keep their data under {@link LocalPlatformConfig#dataDirectory()}, so a platform started again on the same
 * directory sees the same topics, records and schemas. While the platform runs, a broker or registry that dies (a
 * crash, a kill) is started again on the same data, with backoff ({@link Supervised}); {@link #close()} stops both
 * gracefully.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    private static final Duration SUPERVISION_INTERVAL = Duration.ofSeconds(1);

    private final LocalPlatformConfig config;
    private final Supervised<KafkaBroker> broker;
    private final Supervised<ApicurioRegistry> registry;
    private final Thread supervisor;

    private LocalPlatform(LocalPlatformConfig config, PlatformArtifacts artifacts, KafkaBroker broker,
                          ApicurioRegistry registry) {
        this.config = config;
        this.broker = new Supervised<>("kafka broker", broker, () -> KafkaBroker.start(config, artifacts));
        this.registry = new Supervised<>("apicurio registry", registry,
                () -> ApicurioRegistry.start(config, artifacts));
        this.supervisor = new Thread(this::supervise, "local-platform-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void supervise() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                broker.heal();
                registry.heal();
                Thread.sleep(SUPERVISION_INTERVAL.toMillis());
            }
        } catch (InterruptedException closing) {
            // close() stops the supervision before it stops the children
        }
    }

    /**
     * Starts the broker and the registry side by side and returns once both answer.
     *
     * @throws PlatformStartException naming the component and the reason: a port already taken, a process that
     *                                exited (with the tail of its log), or a readiness time-out
     */
    public static LocalPlatform start(LocalPlatformConfig config) {
        requireFree(config.host(), config.kafkaPort(), "Kafka broker", "--kafka-port");
        requireFree(config.host(), config.controllerPort(), "Kafka controller", "--controller-port");
        requireFree(config.host(), config.registryPort(), "schema registry", "--registry-port");
        PlatformArtifacts artifacts = PlatformArtifacts.load();

        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() -> KafkaBroker.start(config, artifacts));
        CompletableFuture<ApicurioRegistry> registry =
                CompletableFuture.supplyAsync(() -> ApicurioRegistry.start(config, artifacts));
        try {
            CompletableFuture.allOf(broker, registry).join();
        } catch (CompletionException e) {
            broker.thenAccept(KafkaBroker::close);
            registry.thenAccept(ApicurioRegistry::close);
            CompletableFuture.allOf(broker, registry).exceptionally(ignored -> null).join();
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new PlatformStartException("local platform failed to start", e.getCause());
        }
        LocalPlatform platform = new LocalPlatform(config, artifacts, broker.join(), registry.join());
        log.info("local platform ready: kafka {} registry {} data {}", platform.bootstrapServers(),
                platform.registryUrl(), config.dataDirectory());
        return platform;
    }

    /** {@code bootstrap.servers} for clients. */
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** {@code schema.registry.url} for Confluent-compatible serdes: the registry's Confluent API. */
    public String registryUrl() {
        return config.registryBaseUrl() + ApicurioRegistry.CONFLUENT_API_PATH;
    }

    public LocalPlatformConfig config() {
        return config;
    }

    public boolean isRunning() {
        return broker.isAlive() && registry.isAlive();
    }

    /** The broker's process as it runs now (a new one after a restart): for fault tests and diagnostics. */
    public ProcessHandle brokerProcess() {
        return broker.process();
    }

    /** The registry's process as it runs now. */
    public ProcessHandle registryProcess() {
        return registry.process();
    }

    /** How many times the broker and the registry were started again after dying, in total. */
    public int restarts() {
        return broker.restarts() + registry.restarts();
    }

    @Override
    public void close() {
        supervisor.interrupt();
        try {
            supervisor.join(Duration.ofMinutes(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CompletableFuture<Void> stopBroker = CompletableFuture.runAsync(broker::close);
        CompletableFuture<Void> stopRegistry = CompletableFuture.runAsync(registry::close);
        CompletableFuture.allOf(stopBroker, stopRegistry).join();
        log.info("local platform stopped");
    }

    private static void requireFree(String host, int port, String component, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new PlatformStartException("port " + port + " on " + host + " for the " + component
                    + " is already in use (" + e.getMessage() + "); stop whatever holds it or choose another port"
                    + " (launcher option "
                    + option + ")");
        }
    }
}
