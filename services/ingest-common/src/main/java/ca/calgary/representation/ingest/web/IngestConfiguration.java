package ca.calgary.representation.ingest.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import ca.calgary.representation.ingest.core.BatchValidator;
import ca.calgary.representation.ingest.core.CanonicalEventReader;
import ca.calgary.representation.ingest.core.Pseudonymizer;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.AvroSerializer;
import ca.calgary.representation.serde.SchemaRegistryClient;
import ca.calgary.representation.web.DependencyHealthConfiguration;
import ca.calgary.representation.web.ServiceSecurity;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import jakarta.servlet.MultipartConfigElement;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * Everything an ingest service is made of; a service is a {@code @SpringBootApplication} that imports this and
 * sets {@code representation.ingest.service}. Kafka is configured with Spring Boot's {@code spring.kafka.*} keys
 * and the registry with Confluent's keys under {@code spring.kafka.properties.*}
 * (e.g. {@code spring.kafka.properties.schema.registry.url}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngestProperties.class, PseudonymizationProperties.class})
@ComponentScan(basePackageClasses = IngestConfiguration.class)
@Import({IngestSecurityConfiguration.class, DependencyHealthConfiguration.class})
@PropertySource("classpath:ingest-defaults.properties")
public class IngestConfiguration {

    @Bean
    Pseudonymizer pseudonymizer(PseudonymizationProperties properties) {
        return properties.pseudonymizer();
    }

    @Bean
    BatchValidator batchValidator(IngestProperties properties) {
        return new BatchValidator(new CanonicalEventReader(properties.service().eventTypes(),
                properties.serviceName(), properties.maxOrgUnits()));
    }

    @Bean
    SchemaRegistryClient schemaRegistryClient(KafkaProperties kafka) {
        return new SchemaRegistryClient(new AvroSerdeConfig(kafka.buildProducerProperties()));
    }

    @Bean
    DefaultKafkaProducerFactory<String, Object> ingestProducerFactory(KafkaProperties kafka,
                                                                      IngestProperties properties,
                                                                      SchemaRegistryClient registry,
                                                                      org.springframework.core.env.Environment env) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        // Durability is not negotiable here: the caller hears "accepted" only after all in-sync replicas have it.
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        settings.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AvroSerializer avro = new AvroSerializer(registry);
        avro.configure(settings, false);
        Map<Class<?>, Serializer<?>> byType = new HashMap<>();
        byType.put(SpecificRecord.class, avro);
        byType.put(String.class, new StringSerializer());
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(settings,
                new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
        factory.setTransactionIdPrefix(properties.serviceName() + "-ingest-" + instanceId(properties, env) + "-");
        return factory;
    }

    /**
     * What names this instance's transactions: the same after a restart, so the restarted instance fences (and the
     * broker aborts) a transaction the crashed one left open, which would otherwise hold every read_committed reader
     * of its partitions back until the transaction timeout.
     */
    static String instanceId(IngestProperties properties, org.springframework.core.env.Environment env) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            return properties.instanceId();
        }
        int port = env.getProperty("server.port", Integer.class, 0);
        if (port <= 0) {
            return UUID.randomUUID().toString();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "-" + port;
        } catch (java.net.UnknownHostException e) {
            return UUID.randomUUID().toString();
        }
    }

    @Bean
    KafkaTemplate<String, Object> ingestKafkaTemplate(DefaultKafkaProducerFactory<String, Object> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean
    AcceptedEventLedger acceptedEventLedger() {
        return new AcceptedEventLedger();
    }

    @Bean(name = "ingest")
    IngestStartup ingestStartup(IngestProperties properties, KafkaProperties kafka, SchemaRegistryClient registry,
                                AcceptedEventLedger ledger) {
        return new IngestStartup(properties, kafka.buildAdminProperties(), kafka.buildConsumerProperties(), registry,
                ledger);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, Object> template) {
        return new EventPublisher(template);
    }

    @Bean
    EventIntake eventIntake(Pseudonymizer pseudonymizer, AcceptedEventLedger ledger, EventPublisher publisher,
                            IngestStartup startup, IngestMetrics metrics) {
        return new EventIntake(pseudonymizer, ledger, publisher, startup, metrics, Clock.systemUTC());
    }

    @Bean
    MultipartConfigElement multipartConfig(IngestProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(properties.maxBodySize());
        factory.setMaxRequestSize(properties.maxBodySize());
        return factory.createMultipartConfig();
    }

    @Bean
    OpenAPI ingestOpenApi(IngestProperties properties) {
        return ServiceSecurity.openApi(new Info()
                .title("Representation Monitor: " + properties.serviceName() + " ingest service").version("v1")
                .description("HR systems publish " + properties.service().eventTypes() + " as canonical JSON "
                        + "(SPEC §3), singly or in all-or-nothing batches, or as CSV files per event type. "
                        + "Employee ids are pseudonymised before anything reaches Kafka. Errors are RFC 9457 "
                        + "problem details."));
    }
}
