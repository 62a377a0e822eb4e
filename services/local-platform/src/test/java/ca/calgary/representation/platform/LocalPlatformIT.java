package ca.calgary.representation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
    void closingStopsBothProcesses() throws Exception {
        Path dataDirectory = Files.createTempDirectory("platform-close-");
        LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.withFreePorts(dataDirectory));
        platform.close();
        assertThat(platform.isRunning()).isFalse();
        LocalPlatformMain.deleteRecursively(dataDirectory);
    }
}
