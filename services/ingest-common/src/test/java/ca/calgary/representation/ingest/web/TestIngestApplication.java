package ca.calgary.representation.ingest.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * An ingest service for the shared tests (the hiring service's event types, from application.yml, unless started as
 * another service).
 */
@SpringBootApplication
@Import(IngestConfiguration.class)
public class TestIngestApplication {

    /** The pseudonymization key every test's ingest services share, so that their employeeKeys agree. */
    public static final String PSEUDONYMIZATION_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /**
     * Starts an ingest service in this JVM on a free port, for the publisher {@link Http#PUBLISHER}.
     *
     * @param service HIRING, PROMOTION or MENTORSHIP
     * @param name    the test's name for it (its Spring config name)
     */
    public static ConfigurableApplicationContext start(String service, String name, String bootstrapServers,
                                                       String registryUrl) {
        return new SpringApplicationBuilder(TestIngestApplication.class).run(
                "--spring.config.name=" + name, "--server.port=0",
                "--representation.ingest.service=" + service,
                "--representation.pseudonymization.key=" + PSEUDONYMIZATION_KEY,
                "--representation.security.users[0].name=sap-hr",
                "--representation.security.users[0].password={noop}publisher-secret",
                "--representation.security.users[0].roles[0]=HR_PUBLISHER",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl);
    }

    /** Runs it as a process of its own (tests that kill a service for real). */
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(TestIngestApplication.class, args);
    }
}
