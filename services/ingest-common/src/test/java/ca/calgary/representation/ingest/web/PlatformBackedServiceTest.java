package ca.calgary.representation.ingest.web;

import ca.calgary.representation.ingest.core.Pseudonymizer;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of an ingest service's integration tests: the service (annotate the subclass with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}) runs against the JVM's shared real platform.
 */
@ExtendWith(LocalPlatformExtension.class)
@DirtiesContext // closed before the shared platform stops, so Kafka clients close quickly
public abstract class PlatformBackedServiceTest {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> LocalPlatformExtension.platform().bootstrapServers());
        registry.add("spring.kafka.properties.schema.registry.url",
                () -> LocalPlatformExtension.platform().registryUrl());
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected Pseudonymizer pseudonymizer;

    protected LocalPlatform platform() {
        return LocalPlatformExtension.platform();
    }

    /** A client of the service, once the service is ready. */
    protected Http readyService() {
        Http http = new Http(port);
        ServiceContract.awaitReady(http);
        return http;
    }
}
