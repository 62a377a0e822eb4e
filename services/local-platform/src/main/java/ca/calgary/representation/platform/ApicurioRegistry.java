package ca.calgary.representation.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry from its Maven Central distribution, as a child JVM, keeping schemas in an H2 database file
 * under the data directory. Clients use its Confluent-compatible API ({@link #CONFLUENT_API_PATH}).
 */
final class ApicurioRegistry implements PlatformChild {

    static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ChildProcess process;

    private ApicurioRegistry(ChildProcess process) {
        this.process = process;
    }

    static ApicurioRegistry start(LocalPlatformConfig config, PlatformArtifacts artifacts) {
        Path home = config.dataDirectory().resolve("registry");
        Path logFile = config.dataDirectory().resolve("logs").resolve("registry.log");
        Map<String, String> environment = Map.of(
                "REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + home.resolve("registry").toAbsolutePath());
        List<String> jvm = List.of("-Xms128m", "-Xmx512m",
                "-Dquarkus.http.host=" + config.host(),
                "-Dquarkus.http.port=" + config.registryPort(),
                "-Dquarkus.log.console.color=false");
        ChildProcess child = ChildProcess.startJava("apicurio registry", jvm,
                List.of("-jar", artifacts.registryRunnerJar().toString()), environment, home, logFile);
        ApicurioRegistry registry = new ApicurioRegistry(child);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI subjects = URI.create(config.registryBaseUrl() + CONFLUENT_API_PATH + "/subjects");
        child.awaitReady(READY_TIMEOUT, () -> answers200(http, subjects));
        return registry;
    }

    private static boolean answers200(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
