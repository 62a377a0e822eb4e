package ca.calgary.representation.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        int[] ports = freePorts(3);
        return new LocalPlatformConfig(dataDirectory, LOOPBACK, ports[0], ports[1], ports[2]);
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

    /**
     * Distinct free ports. Every socket stays bound until all are chosen: a port released and asked for again
     * can come back from the operating system, which once gave the broker and the registry the same port.
     */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(LOOPBACK, 0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            sockets.forEach(LocalPlatformConfig::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Only probing: an unbound or already closed socket holds nothing.
        }
    }
}
