package ca.calgary.representation.simulator;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.alerts.AlertServiceApplication;
import ca.calgary.representation.ingest.core.ProjectFiles;
import ca.calgary.representation.ingest.web.Http;
import ca.calgary.representation.ingest.web.TestIngestApplication;
import ca.calgary.representation.metrics.RepresentationServiceApplication;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every service of the pipeline in this JVM, as its own Spring application, against a given Kafka and schema
 * registry: the three ingest services, the representation service and the alert service. Each gets only its own
 * settings (a config name of its own: the test class path holds several services' application.yml).
 */
final class Pipeline implements AutoCloseable {

    static final String PUBLISHER_PASSWORD = "publisher-secret";
    static final String LEADER = "leader:leader-secret";
    static final String OFFICER = "officer:officer-secret";

    final Map<String, ConfigurableApplicationContext> ingest;
    final ConfigurableApplicationContext representation;
    final ConfigurableApplicationContext alerts;

    private Pipeline(Map<String, ConfigurableApplicationContext> ingest, ConfigurableApplicationContext representation,
                     ConfigurableApplicationContext alerts) {
        this.ingest = ingest;
        this.representation = representation;
        this.alerts = alerts;
    }

    /** @param representationSettings further settings of the representation service ({@code --name=value}) */
    static Pipeline start(String bootstrapServers, String registryUrl, String name, String... representationSettings)
            throws Exception {
        List<String> platform = platformArguments(bootstrapServers, registryUrl);
        Map<String, ConfigurableApplicationContext> ingest = new java.util.LinkedHashMap<>();
        for (String service : List.of("hiring", "promotion", "mentorship")) {
            ingest.put(service, new SpringApplicationBuilder(TestIngestApplication.class)
                    .run(args(platform, ingestArguments(name, service))));
        }
        ConfigurableApplicationContext representation = new SpringApplicationBuilder(
                RepresentationServiceApplication.class).run(withMore(args(platform, representationArguments(name,
                Files.createTempDirectory(name + "-representation-"))), representationSettings));
        ConfigurableApplicationContext alerts = new SpringApplicationBuilder(AlertServiceApplication.class).run(
                args(platform,
                "--spring.config.name=" + name + "-alerts",
                "--representation.alerts.application-id=" + name + "-alerts",
                "--representation.alerts.topic-partitions=3",
                "--representation.alerts.state-dir=" + Files.createTempDirectory(name + "-alerts-"),
                "--management.endpoint.health.group.readiness.include=readinessState,alerts,dependencies",
                "--management.health.mail.enabled=false", "--spring.mail.host=127.0.0.1", "--spring.mail.port=25",
                "--representation.security.users[0].name=officer",
                "--representation.security.users[0].password={noop}officer-secret",
                "--representation.security.users[0].roles[0]=EQUITY_OFFICER"));
        Pipeline pipeline = new Pipeline(ingest, representation, alerts);
        for (ConfigurableApplicationContext context : pipeline.contexts()) {
            Http http = http(context);
            Awaitility.await().atMost(Duration.ofSeconds(120))
                    .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
        }
        return pipeline;
    }

    /** Where every service finds Kafka and the registry, on a port of its own. */
    static List<String> platformArguments(String bootstrapServers, String registryUrl) {
        return List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl, "--server.port=0",
                "--spring.mvc.problemdetails.enabled=true", "--management.endpoint.health.probes.enabled=true");
    }

    /** An ingest service's own settings ({@code service}: hiring, promotion or mentorship). */
    static List<String> ingestArguments(String name, String service) {
        return List.of("--spring.config.name=" + name + "-" + service,
                "--representation.ingest.service=" + service.toUpperCase(java.util.Locale.ROOT),
                "--representation.pseudonymization.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "--representation.security.users[0].name=hr-publisher",
                "--representation.security.users[0].password={noop}" + PUBLISHER_PASSWORD,
                "--representation.security.users[0].roles[0]=HR_PUBLISHER",
                "--management.endpoint.health.group.readiness.include=readinessState,ingest,dependencies");
    }

    /** The representation service's own settings, keeping its state in {@code stateDir}. */
    static List<String> representationArguments(String name, java.nio.file.Path stateDir) {
        return List.of("--spring.config.name=" + name + "-representation",
                "--representation.metrics.application-id=" + name + "-representation",
                "--representation.metrics.publish-interval=1s",
                "--representation.metrics.flow-publish-interval=2s",
                "--representation.metrics.topic-partitions=3",
                "--representation.metrics.benchmarks-file=" + referenceData("benchmarks.csv"),
                "--representation.metrics.goals-file=" + referenceData("goals.csv"),
                "--representation.metrics.state-dir=" + stateDir,
                "--management.endpoint.health.group.readiness.include=readinessState,representation,dependencies",
                "--representation.security.users[0].name=leader",
                "--representation.security.users[0].password={noop}leader-secret",
                "--representation.security.users[0].roles[0]=LEADERSHIP",
                "--representation.security.users[1].name=admin",
                "--representation.security.users[1].password={noop}admin-secret",
                "--representation.security.users[1].roles[0]=ADMINISTRATOR");
    }

    /** The representation service's own reference data (benchmarks, goals: the files run-local uses). */
    private static String referenceData(String file) {
        return ProjectFiles.root().resolve("services/representation-service").resolve(file).toString();
    }

    private static String[] withMore(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String[] args(List<String> common, String... own) {
        return args(common, List.of(own));
    }

    private static String[] args(List<String> common, List<String> own) {
        List<String> all = new ArrayList<>(common);
        all.addAll(own);
        return all.toArray(String[]::new);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Http http(ConfigurableApplicationContext context) {
        return new Http(port(context));
    }

    IngestReplay.Target ingestTarget() {
        return ingestTarget(ingest);
    }

    /** A replay to the given ingest services, by name. */
    static IngestReplay.Target ingestTarget(Map<String, ConfigurableApplicationContext> ingest) {
        Map<String, URI> services = new java.util.HashMap<>();
        ingest.forEach((service, context) -> services.put(service, URI.create("http://127.0.0.1:" + port(context))));
        return new IngestReplay.Target(services, "hr-publisher", PUBLISHER_PASSWORD);
    }

    private List<ConfigurableApplicationContext> contexts() {
        List<ConfigurableApplicationContext> all = new ArrayList<>(ingest.values());
        all.add(representation);
        all.add(alerts);
        return all;
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> all = contexts();
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
    }
}
