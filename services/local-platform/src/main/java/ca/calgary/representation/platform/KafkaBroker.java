package ca.calgary.representation.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One Apache Kafka node in KRaft combined mode (broker and controller), started from Kafka's own artifacts as a
 * child JVM. Storage is formatted once; later starts reuse the log directories, so records survive restarts.
 */
final class KafkaBroker implements PlatformChild {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    static KafkaBroker start(LocalPlatformConfig config, PlatformArtifacts artifacts) {
        Path home = config.dataDirectory().resolve("kafka");
        Path logDirectory = home.resolve("data");
        Path properties = home.resolve("server.properties");
        Path logFile = config.dataDirectory().resolve("logs").resolve("kafka.log");
        writeServerProperties(config, logDirectory, properties);

        List<String> jvm = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn",
                "-cp", artifacts.brokerClasspath());
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            String clusterId = Uuid.randomUuid().toString();
            ChildProcess.runJava("kafka storage format", jvm,
                    List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString()),
                    home, logFile, Duration.ofSeconds(60));
        }
        ChildProcess child = ChildProcess.startJava("kafka broker", jvm,
                List.of("kafka.Kafka", properties.toString()), Map.of(), home, logFile);
        KafkaBroker broker = new KafkaBroker(child);
        child.awaitReady(READY_TIMEOUT, () -> isReady(config));
        return broker;
    }

    private static void writeServerProperties(LocalPlatformConfig config, Path logDirectory, Path file) {
        String host = config.host();
        // Single node: every internal topic has replication 1; topics are created explicitly, never by accident.
        String text = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + config.controllerPort(),
                "listeners=PLAINTEXT://" + host + ":" + config.kafkaPort() + ",CONTROLLER://" + host + ":"
                        + config.controllerPort(),
                "advertised.listeners=PLAINTEXT://" + host + ":" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirectory,
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=6",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1000000",
                "");
        try {
            Files.createDirectories(logDirectory);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean isReady(LocalPlatformConfig config) {
        // A plain connect first, so the admin client (and its warnings) only runs once the listener is up.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(config.host(), config.kafkaPort()), 1000);
        } catch (IOException notListening) {
            return false;
        }
        Map<String, Object> settings = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(settings)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public ProcessHandle process() {
        return process.handle();
    }

    @Override
    public String exit() {
        return process.exit();
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
