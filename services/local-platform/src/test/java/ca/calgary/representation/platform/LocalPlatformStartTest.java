package ca.calgary.representation.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPlatformStartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aTakenKafkaPortIsAClearErrorBeforeAnythingStarts() throws Exception {
        LocalPlatformConfig free = LocalPlatformConfig.withFreePorts(dataDirectory);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(LocalPlatformConfig.LOOPBACK, 0));
            LocalPlatformConfig config = new LocalPlatformConfig(dataDirectory, LocalPlatformConfig.LOOPBACK,
                    taken.getLocalPort(), free.controllerPort(), free.registryPort());

            assertThatThrownBy(() -> LocalPlatform.start(config))
                    .isInstanceOf(PlatformStartException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("Kafka broker")
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("--kafka-port");
        }
        assertThat(dataDirectory.resolve("kafka")).doesNotExist();
    }

    @Test
    void aTakenRegistryPortIsAClearError() throws Exception {
        LocalPlatformConfig free = LocalPlatformConfig.withFreePorts(dataDirectory);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(LocalPlatformConfig.LOOPBACK, 0));
            LocalPlatformConfig config = new LocalPlatformConfig(dataDirectory, LocalPlatformConfig.LOOPBACK,
                    free.kafkaPort(), free.controllerPort(), taken.getLocalPort());

            assertThatThrownBy(() -> LocalPlatform.start(config))
                    .isInstanceOf(PlatformStartException.class)
                    .hasMessageContaining("schema registry")
                    .hasMessageContaining("--registry-port");
        }
    }

    @Test
    void portsMustDiffer() {
        assertThatThrownBy(() -> new LocalPlatformConfig(dataDirectory, "127.0.0.1", 9092, 9092, 8081))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ports must differ");
    }

    @Test
    void freePortsAreDistinctEveryTime() {
        // Asked for one at a time, about 1 in 2,000 triples repeated a port on a 2-core Linux machine.
        for (int i = 0; i < 20_000; i++) {
            LocalPlatformConfig config = LocalPlatformConfig.withFreePorts(dataDirectory);
            assertThat(Set.of(config.kafkaPort(), config.controllerPort(), config.registryPort())).hasSize(3);
        }
    }

    @Test
    void launcherOptions() {
        LocalPlatformMain.Options options = LocalPlatformMain.Options.parse(new String[] {
                "--data-dir", "/tmp/x", "--kafka-port", "19092", "--controller-port", "19093",
                "--registry-port", "18081", "--fresh"});

        assertThat(options.fresh()).isTrue();
        assertThat(options.config().dataDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.config().bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(options.config().controllerPort()).isEqualTo(19093);
        assertThat(options.config().registryBaseUrl()).isEqualTo("http://127.0.0.1:18081");
    }

    @Test
    void aRelativeDataDirectoryIsMadeAbsoluteForTheChildProcesses() {
        LocalPlatformConfig config = LocalPlatformConfig.withDefaultPorts(Path.of("relative", "..", "data"));

        assertThat(config.dataDirectory()).isAbsolute().isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void launcherDefaultsAreTheWellKnownPortsAndAKeptDataDirectory() {
        LocalPlatformMain.Options options = LocalPlatformMain.Options.parse(new String[0]);

        assertThat(options.fresh()).isFalse();
        assertThat(options.config().dataDirectory()).isEqualTo(Path.of(".data", "local-platform").toAbsolutePath());
        assertThat(options.config().kafkaPort()).isEqualTo(9092);
        assertThat(options.config().registryPort()).isEqualTo(8081);
    }

    @Test
    void badLauncherOptionsAreNamed() {
        assertThatThrownBy(() -> LocalPlatformMain.Options.parse(new String[] {"--kafka-port", "many"}))
                .hasMessageContaining("--kafka-port needs a port number, got 'many'");
        assertThatThrownBy(() -> LocalPlatformMain.Options.parse(new String[] {"--registry-port"}))
                .hasMessageContaining("--registry-port needs a value");
        assertThatThrownBy(() -> LocalPlatformMain.Options.parse(new String[] {"--bogus"}))
                .hasMessageContaining("unknown option: --bogus");
    }
}
