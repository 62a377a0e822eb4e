package ca.calgary.representation.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the local platform keeps its data and which loopback ports it listens on.
 *
 * @param dataDirectory   holds the broker's log directories, the registry's database and both processes' logs;
 *                        it survives restarts, so topics, records and schemas do too
 * @param host            address every listener binds to (loopback by default: nothing is exposed)
 * @param kafkaPort       the broker's client listener
 * @param controllerPort  the KRaft controller listener
 * @param registryPort    the registry's HTTP port
 */
public record LocalPlatformConfig(Path dataDirectory, String host, int kafkaPort, int controllerPort, int registryPort) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_REGISTRY_PORT = 8081;

    public LocalPlatformConfig {
        // Absolute, because the child processes run in their own working directories.
        dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
        Objects.requireNonNull(host, "host");
        requirePort("kafkaPort", kafkaPort);
        requirePort("controllerPort", controllerPort);
        requirePort("registryPort", registryPort);
        if (kafkaPort == controllerPort || kafkaPort == registryPort || controllerPort == registryPort) {
            throw new IllegalArgumentException("ports must differ: kafka " + kafkaPort + ", controller "
                    + controllerPort + ", registry " + registryPort);
        }
    }

    /** The well-known ports (9092, 9093, 8081) on loopback. */
    public static LocalPlatformConfig withDefaultPorts(Path dataDirectory) {
        return new LocalPlatformConfig(dataDirectory, LOOPBACK, DEFAULT_KAFKA_PORT, DEFAULT_CONTROLLER_PORT,
                DEFAULT_REGISTRY_PORT);
    }

    /** Ports the operating system reports free right now: for tests that run beside other platforms. */
    public static LocalPlatformConfig withFreePorts(Path dataDirectory) {
        return new LocalPlatformConfig(dataDirectory, LOOPBACK, freePort(), freePort(), freePort());
    }

    public String bootstrapServers() {
        return host + ":" + kafkaPort;
    }

    public String registryBaseUrl() {
        return "http://" + host + ":" + registryPort;
    }

    private static void requirePort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be between 1 and 65535, was " + port);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
