package ca.calgary.representation.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka KRaft broker and Apicurio Registry on this machine, for local runs and integration tests.
 * Both keep their data under {@link LocalPlatformConfig#dataDirectory()}, so a platform started again on the same
 * directory sees the same topics, records and schemas. {@link #close()} stops both gracefully.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    private final LocalPlatformConfig config;
    private final KafkaBroker broker;
    private final ApicurioRegistry registry;

    private LocalPlatform(LocalPlatformConfig config, KafkaBroker broker, ApicurioRegistry registry) {
        this.config = config;
        this.broker = broker;
        this.registry = registry;
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
        LocalPlatform platform = new LocalPlatform(config, broker.join(), registry.join());
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

    @Override
    public void close() {
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
