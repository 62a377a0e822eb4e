package ca.calgary.representation.ingest.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** An ingest service for the shared tests (the hiring service's event types, from application.yml). */
@SpringBootApplication
@Import(IngestConfiguration.class)
public class TestIngestApplication {

    /** Runs it as a process of its own (tests that kill a service for real). */
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(TestIngestApplication.class, args);
    }
}
