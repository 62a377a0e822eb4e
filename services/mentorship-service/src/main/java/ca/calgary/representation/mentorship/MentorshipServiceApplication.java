package ca.calgary.representation.mentorship;

import ca.calgary.representation.ingest.web.IngestConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The mentorship ingest service: its event types come from {@code representation.ingest.service=MENTORSHIP}. */
@SpringBootApplication
@Import(IngestConfiguration.class)
public class MentorshipServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MentorshipServiceApplication.class, args);
    }
}
