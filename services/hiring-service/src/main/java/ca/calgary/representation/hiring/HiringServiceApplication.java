package ca.calgary.representation.hiring;

import ca.calgary.representation.ingest.web.IngestConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The hiring ingest service: its event types come from {@code representation.ingest.service=HIRING}. */
@SpringBootApplication
@Import(IngestConfiguration.class)
public class HiringServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HiringServiceApplication.class, args);
    }
}
