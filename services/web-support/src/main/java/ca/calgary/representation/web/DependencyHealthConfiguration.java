package ca.calgary.representation.web;

import java.time.Clock;

import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.SchemaRegistryClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code dependencies} health component ({@link DependencyHealth}); a service imports this and adds
 * {@code dependencies} to its readiness group. Kafka is reached with Spring's {@code spring.kafka.*} keys and the
 * registry with Confluent's keys under {@code spring.kafka.properties.*}, as everywhere else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DependencyHealthProperties.class)
public class DependencyHealthConfiguration {

    @Bean(name = "dependencies")
    DependencyHealth dependencyHealth(KafkaProperties kafka, DependencyHealthProperties properties) {
        var admin = kafka.buildAdminProperties();
        return new DependencyHealth(admin, new SchemaRegistryClient(new AvroSerdeConfig(admin)), properties,
                Clock.systemUTC());
    }
}
