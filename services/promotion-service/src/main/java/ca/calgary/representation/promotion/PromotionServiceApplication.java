package ca.calgary.representation.promotion;

import ca.calgary.representation.ingest.web.IngestConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The promotion ingest service: its event types come from {@code representation.ingest.service=PROMOTION}. */
@SpringBootApplication
@Import(IngestConfiguration.class)
public class PromotionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PromotionServiceApplication.class, args);
    }
}
