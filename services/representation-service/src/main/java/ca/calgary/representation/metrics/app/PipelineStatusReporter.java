package ca.calgary.representation.metrics.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.PipelineStatusReport;
import ca.calgary.representation.serde.AvroSerializer;
import ca.calgary.representation.streams.PipelineStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Writes each of this instance's pipeline status samples (one a second) to {@code metrics.pipeline-status}, so
 * services downstream (the alert service) can tell a first load in progress from live work, as of any moment they
 * ask about: a backlog this instance has read but not published yet is not consumer lag, and only the instance
 * knows it. A clean stop removes the instance's record; readers ignore a record that has not been renewed for a
 * minute.
 */
public class PipelineStatusReporter implements Consumer<PipelineStatus.Status>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PipelineStatusReporter.class);
    static final String SERVICE = "representation";

    private final KafkaProducer<String, Object> producer;
    private final String instance;
    private final String key;
    private volatile boolean failing;

    public PipelineStatusReporter(KafkaProperties kafka) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), values);
        this.instance = host() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.key = SERVICE + "|" + instance;
    }

    @Override
    public void accept(PipelineStatus.Status status) {
        PipelineStatusReport report = new PipelineStatusReport(SERVICE, instance, status.observedAt(),
                status.caughtUp(), status.lagEvents(), status.inputLagEvents(), status.lagSeconds(),
                status.unpublishedChanges(),
                status.problem());
        producer.send(new ProducerRecord<>(MetricsTopic.PIPELINE_STATUS.topicName(), key, report),
                (metadata, error) -> {
                    if (error != null && !failing) {
                        log.warn("cannot report the pipeline status to {}: {}",
                                MetricsTopic.PIPELINE_STATUS.topicName(), error.getMessage());
                    }
                    failing = error != null;
                });
    }

    @Override
    public void close() {
        try {
            producer.send(new ProducerRecord<>(MetricsTopic.PIPELINE_STATUS.topicName(), key, null));
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
