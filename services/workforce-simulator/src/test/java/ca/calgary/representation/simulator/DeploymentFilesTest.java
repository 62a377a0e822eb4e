package ca.calgary.representation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import ca.calgary.representation.ingest.core.ProjectFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and the Dockerfile, checked where no Docker engine runs (the Testcontainers test covers the
 * images of Kafka and the registry where one does): three brokers with replication 3, the Confluent Schema Registry,
 * and every runnable module of the project as a service built from the Dockerfile, with a health check, replicated
 * topics and ports bound to loopback.
 */
class DeploymentFilesTest {

    static Path root;
    static Map<String, Map<String, Object>> services;
    static String dockerfile;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        root = ProjectFiles.root();
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        dockerfile = Files.readString(root.resolve("Dockerfile"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @Test
    void threeKraftBrokersReplicateEverythingThreeTimes() {
        List<String> brokers = services.keySet().stream().filter(name -> name.startsWith("kafka-")).toList();
        assertThat(brokers).hasSize(3);
        for (String broker : brokers) {
            Map<String, Object> service = services.get(broker);
            assertThat((String) service.get("image")).startsWith("apache/kafka:");
            Map<String, Object> env = map(service, "environment");
            assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3).containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2);
            assertThat(service).containsKey("healthcheck");
        }
        Map<String, Object> registry = services.get("schema-registry");
        assertThat((String) registry.get("image")).startsWith("confluentinc/cp-schema-registry:");
        assertThat(map(registry, "environment")).containsEntry("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", 3);
    }

    @Test
    void everyRunnableModuleIsAServiceBuiltFromTheDockerfile() throws IOException {
        Set<String> runnable = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root.resolve("services"))) {
            for (Path module : modules.toList()) {
                Path pom = module.resolve("pom.xml");
                if (Files.exists(pom) && Files.readString(pom).contains("spring-boot-maven-plugin")) {
                    runnable.add(module.getFileName().toString());
                }
            }
        }
        assertThat(runnable).contains("hiring-service", "representation-service", "alert-service",
                "workforce-simulator");
        Set<String> built = new TreeSet<>();
        for (Map<String, Object> service : services.values()) {
            if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
                built.add((String) args.get("SERVICE"));
            }
        }
        assertThat(built).isEqualTo(runnable);
        java.util.regex.Matcher packaged = java.util.regex.Pattern.compile("-pl (\\S+)").matcher(dockerfile);
        java.util.regex.Matcher copied = java.util.regex.Pattern.compile("for service in ([^;]+);").matcher(dockerfile);
        assertThat(packaged.find()).isTrue();
        assertThat(copied.find()).isTrue();
        assertThat(new TreeSet<>(List.of(packaged.group(1).replace("services/", "").split(",")))).isEqualTo(runnable);
        assertThat(new TreeSet<>(List.of(copied.group(1).trim().split("\\s+")))).isEqualTo(runnable);
    }

    @Test
    void everyLongRunningServiceIsHealthCheckedReplicatedAndBoundToLoopback() {
        for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
            Map<String, Object> service = entry.getValue();
            if (!(service.get("build") instanceof Map<?, ?>) || service.containsKey("profiles")) {
                continue;
            }
            Map<String, Object> env = map(service, "environment");
            Object port = env.get("PORT");
            assertThat(port).as(entry.getKey() + " PORT").isNotNull();
            assertThat(String.valueOf(map(service, "healthcheck").get("test")))
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
            assertThat(env.entrySet()).as(entry.getKey() + " replicates the topics it creates")
                    .anyMatch(variable -> variable.getKey().endsWith("_TOPIC_REPLICATION")
                            && variable.getValue().equals(3));
            assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:19092,kafka-2:19092,kafka-3:19092")
                    .containsEntry("SCHEMA_REGISTRY_URL", "http://schema-registry:8081");
            @SuppressWarnings("unchecked")
            List<String> ports = (List<String>) service.get("ports");
            assertThat(ports).allMatch(published -> published.startsWith("127.0.0.1:"));
            assertThat(map(service, "depends_on")).containsKey("schema-registry");
        }
    }

    /**
     * A service jar that Spring Boot repackages in place is rewritten on every build: otherwise a build after a change
     * to a module it depends on only keeps the earlier fat jar, with the module's old copy inside (as happened to the
     * mentorship service after the working-group events were added to ingest-common).
     */
    @Test
    void everyBuildWritesTheServiceJarsAfresh() throws IOException {
        String parent = Files.readString(root.resolve("pom.xml"));
        assertThat(parent).containsPattern("(?s)<artifactId>maven-jar-plugin</artifactId>\\s*<configuration>.*?"
                + "<forceCreation>true</forceCreation>");
    }
}
