package ca.calgary.representation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPlatformExtension.class)
class LocalPlatformIT {

    @Test
    void theBrokerAndTheRegistryAnswer(LocalPlatform platform) throws Exception {
        assertThat(platform.isRunning()).isTrue();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
        }
        HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
    }

    @Test
    void everyTestClassOfTheJvmSharesOnePlatform(LocalPlatform first, LocalPlatform second) {
        assertThat(first).isSameAs(second);
    }

    @Test
    void bothProcessesLogUnderTheDataDirectory(LocalPlatform platform) {
        Path logs = platform.config().dataDirectory().resolve("logs");
        assertThat(Files.isRegularFile(logs.resolve("kafka.log"))).isTrue();
        assertThat(Files.isRegularFile(logs.resolve("registry.log"))).isTrue();
    }

    @Test
    void aKilledBrokerAndRegistryAreStartedAgainOnTheirData() throws Exception {
        Path dataDirectory = Files.createTempDirectory("platform-heal-");
        LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.withFreePorts(dataDirectory));
        try {
            Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    platform.bootstrapServers());
            try (Admin admin = Admin.create(settings)) {
                admin.createTopics(List.of(new NewTopic("kept-across-a-crash", 1, (short) 1))).all()
                        .get(30, TimeUnit.SECONDS);
            }
            ProcessHandle broker = platform.brokerProcess();
            ProcessHandle registry = platform.registryProcess();

            broker.destroyForcibly();
            registry.destroyForcibly();

            Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> platform.restarts() == 2
                    && platform.isRunning());
            assertThat(platform.brokerProcess().pid()).isNotEqualTo(broker.pid());
            assertThat(platform.registryProcess().pid()).isNotEqualTo(registry.pid());
            try (Admin admin = Admin.create(settings)) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept-across-a-crash");
            }
            HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/subjects")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(Files.readString(dataDirectory.resolve("logs").resolve("kafka.log"))).isNotEmpty();
        } finally {
            platform.close();
            LocalPlatformMain.deleteRecursively(dataDirectory);
        }
    }

    @Test
    void closingStopsBothProcesses() throws Exception {
        Path dataDirectory = Files.createTempDirectory("platform-close-");
        LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.withFreePorts(dataDirectory));
        platform.close();
        assertThat(platform.isRunning()).isFalse();
        LocalPlatformMain.deleteRecursively(dataDirectory);
    }
}
