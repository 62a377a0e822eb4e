package ca.calgary.representation.alerts.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ca.calgary.representation.alerts.AlertAction;
import ca.calgary.representation.alerts.AlertDelivery;
import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.serde.AvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * What equity officers and the dispatcher record: subscriptions, acknowledgements and comments, delivery outcomes.
 * Each write waits until Kafka has it (acks=all, idempotent), so what the API calls done is durable.
 */
public class AlertLog implements AutoCloseable {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, Object> producer;

    public AlertLog(KafkaProperties kafka) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), values);
    }

    public void subscription(String id, AlertSubscription subscription) {
        write(AlertTopic.SUBSCRIPTIONS, id, subscription);
    }

    public void action(AlertAction action) {
        write(AlertTopic.ACTIONS, action.getAlertId(), action);
    }

    /** A delivery outcome; a dead-lettered one goes to the dead-letter topic too. */
    public void delivery(String key, AlertDelivery delivery) {
        write(AlertTopic.DELIVERIES, key, delivery);
        if ("DEAD_LETTERED".equals(delivery.getOutcome())) {
            write(AlertTopic.DEAD_LETTERS, key, delivery);
        }
    }

    /** Removes a record from the compacted deliveries (a HELD record once its digest is recorded). */
    public void remove(String deliveryKey) {
        write(AlertTopic.DELIVERIES, deliveryKey, null);
    }

    private void write(AlertTopic topic, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), key, value))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlertLogUnavailableException("interrupted while writing to " + topic.topicName(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new AlertLogUnavailableException("cannot write to " + topic.topicName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
