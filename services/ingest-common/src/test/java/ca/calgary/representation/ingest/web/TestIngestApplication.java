package ca.calgary.representation.ingest.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** An ingest service for the shared tests (the hiring service's event types, from application.yml). */
@SpringBootApplication
@Import(IngestConfiguration.class)
public class TestIngestApplication {
}
