package ca.calgary.representation.ingest.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class MissingPseudonymizationKeyTest {

    private static void start(String key) {
        new SpringApplicationBuilder(TestIngestApplication.class).run("--representation.pseudonymization.key=" + key,
                "--server.port=0", "--spring.kafka.properties.schema.registry.url=http://127.0.0.1:1");
    }

    @Test
    void theServiceRefusesToStartWithoutTheKey() {
        assertThatThrownBy(() -> start(""))
                .rootCause()
                .hasMessageContaining("no pseudonymization key")
                .hasMessageContaining("representation.pseudonymization.key-file");
    }

    @Test
    void theServiceRefusesToStartWithAShortKey() {
        assertThatThrownBy(() -> start("c2hvcnQ=")).rootCause().hasMessageContaining("at least 32 bytes");
    }
}
