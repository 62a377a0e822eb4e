package ca.calgary.representation.metrics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The representation service: the topology, the metrics API (HTTP, CSV, live stream) and benchmark administration. */
@SpringBootApplication
public class RepresentationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RepresentationServiceApplication.class, args);
    }
}
