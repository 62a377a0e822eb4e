package ca.calgary.representation.metrics.web;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.serde.AvroSerdeConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream of changed cells: tails {@code metrics.representation} from its end (read_committed) and sends each
 * change to the subscribers whose filter it matches, as a server-sent event named {@code cell} (or
 * {@code cell-removed} with the cell id when a cell has no headcount any more).
 */
public class FiguresFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FiguresFeed.class);

    /** A subscriber and its filter. */
    record Subscription(SseEmitter emitter, CellFilter filter) {
    }

    private final KafkaProperties kafka;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile KafkaConsumer<String, Object> consumer;
    private volatile boolean running;

    public FiguresFeed(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    SseEmitter subscribe(CellFilter filter) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscription subscription = new Subscription(emitter, filter);
        subscriptions.add(subscription);
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> subscriptions.remove(subscription));
        emitter.onError(error -> subscriptions.remove(subscription));
        return emitter;
    }

    @Override
    public void start() {
        running = true;
        Thread reader = new Thread(this::tail, "figures-feed");
        reader.setDaemon(true);
        reader.start();
    }

    private void tail() {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        while (running) {
            try {
                AvroDeserializer values = new AvroDeserializer();
                values.configure(settings, false);
                consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values);
                String topic = MetricsTopic.REPRESENTATION.topicName();
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                if (partitions.isEmpty()) {
                    consumer.close();
                    Thread.sleep(2000);
                    continue;
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                while (running) {
                    for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                        broadcast(record.key(), (RepresentationFigures) record.value());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("the live figures feed lost Kafka ({}); reconnecting", e.getMessage());
            } finally {
                if (consumer != null) {
                    consumer.close();
                }
            }
        }
    }

    private void broadcast(String cellId, RepresentationFigures figures) {
        for (Subscription subscription : subscriptions) {
            try {
                if (!subscription.filter().matchesCellId(cellId)) {
                    continue;
                }
                if (figures == null) {
                    subscription.emitter().send(SseEmitter.event().name("cell-removed").id(cellId).data(cellId));
                } else {
                    subscription.emitter().send(SseEmitter.event().name("cell").id(cellId).data(CellView.of(figures)));
                }
            } catch (IOException | IllegalStateException gone) {
                subscriptions.remove(subscription);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        subscriptions.forEach(subscription -> subscription.emitter().complete());
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
