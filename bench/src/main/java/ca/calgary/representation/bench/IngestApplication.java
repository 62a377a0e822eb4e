package ca.calgary.representation.bench;

import ca.calgary.representation.ingest.web.IngestConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** An ingest service as the benchmarks run it: the one the hiring, promotion and mentorship services each are. */
@SpringBootApplication
@Import(IngestConfiguration.class)
class IngestApplication {
}
