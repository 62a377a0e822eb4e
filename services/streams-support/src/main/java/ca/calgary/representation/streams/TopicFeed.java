package ca.calgary.representation.streams;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.events.contract.TopicSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A live stream of one published topic: tails it from its end (read_committed) and sends each change to the
 * subscribers whose filter it matches, as a server-sent event named as the subscriber asked (e.g. {@code cell}), with
 * the record's key as event id; a removed record (a tombstone) goes to every subscriber as {@code <name>-removed}
 * with the key, which carries no figure. A new subscriber first gets an SSE comment, which sends the response headers
 * at once: a client whose request has been answered is subscribed and misses no later change. It also knows when
 * the table last changed (the publication time of its newest record, read from the topic's tail at start), and
 * passes on what the service announces to every subscriber (the pipeline's status).
 *
 * @param <V> the topic's value type
 */
public class TopicFeed<V> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFeed.class);

    /** A subscriber, what it wants and how it wants it shown. */
    private record Subscription<V>(SseEmitter emitter, String eventName, Predicate<V> filter,
                                   Function<V, Object> view) {
    }

    /**
     * How many offsets before the end are read at start to find the newest record (transaction markers take offsets
     * too, so one is not enough).
     */
    private static final long TAIL_READ_AT_START = 32;

    private record Greeting(String eventName, Supplier<Object> data) {
    }

    private final KafkaProperties kafka;
    private final String topic;
    private final Class<V> valueType;
    private final List<Subscription<V>> subscriptions = new CopyOnWriteArrayList<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private volatile long latestChangeMs = -1;
    private volatile Greeting greeting;
    /** How far the feed has read each partition (read_committed): what the service's readers have seen. */
    private final Map<TopicPartition, Long> positions = new java.util.concurrent.ConcurrentHashMap<>();
    /** The offset of the last record the feed has read in each partition, to compare a view's progress with. */
    private final Map<TopicPartition, Long> lastRecords = new java.util.concurrent.ConcurrentHashMap<>();

    public TopicFeed(KafkaProperties kafka, String topic, Class<V> valueType) {
        this.kafka = kafka;
        this.topic = topic;
        this.valueType = valueType;
    }

    public SseEmitter subscribe(String eventName, Predicate<V> filter, Function<V, Object> view) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscription<V> subscription = new Subscription<>(emitter, eventName, filter, view);
        subscriptions.add(subscription);
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> subscriptions.remove(subscription));
        emitter.onError(error -> subscriptions.remove(subscription));
        try {
            // A comment (ignored by SSE clients) sends the headers now, so a client knows it is subscribed.
            emitter.send(SseEmitter.event().comment("subscribed to " + topic));
            Greeting current = greeting;
            if (current != null) {
                emitter.send(SseEmitter.event().name(current.eventName()).data(current.data().get()));
            }
        } catch (IOException gone) {
            subscriptions.remove(subscription);
        }
        return emitter;
    }

    /** When the table last changed: the timestamp of the newest record read from the topic. */
    public Optional<Instant> latestChange() {
        long latest = latestChangeMs;
        return latest < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest));
    }

    public String topic() {
        return topic;
    }

    /** Whether the feed has read every partition of its topic up to {@code ends}. */
    public boolean hasRead(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().filter(end -> end.getKey().topic().equals(topic))
                .allMatch(end -> positions.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }

    /** The offset of the last record read in each partition (partitions with none read are left out). */
    public Map<TopicPartition, Long> lastRecords() {
        return Map.copyOf(lastRecords);
    }

    /** What every new subscriber hears first (the pipeline's status), after the subscription comment. */
    public void greetWith(String eventName, Supplier<Object> data) {
        greeting = new Greeting(eventName, data);
    }

    /** Sends an event to every subscriber, whatever its filter. */
    public void announce(String eventName, Object data) {
        for (Subscription<V> subscription : subscriptions) {
            try {
                subscription.emitter().send(SseEmitter.event().name(eventName).data(data));
            } catch (IOException | IllegalStateException gone) {
                subscriptions.remove(subscription);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread reader = new Thread(this::tail, topic + "-feed");
        reader.setDaemon(true);
        reader.start();
    }

    private void tail() {
        Map<String, Object> settings = TopicSnapshot.readerSettings(kafka.buildConsumerProperties());
        // Values are read as bytes and decoded only for subscribers: the feed reads every record the service
        // publishes (hundreds of thousands in a first load), mostly while nobody is subscribed.
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        while (running) {
            try {
                consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                if (partitions.isEmpty()) {
                    consumer.close();
                    Thread.sleep(2000);
                    continue;
                }
                consumer.assign(partitions);
                // The last records before the end tell when the table last changed; only later ones are news.
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - TAIL_READ_AT_START));
                }
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        latestChangeMs = Math.max(latestChangeMs, record.timestamp());
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        lastRecords.merge(partition, record.offset(), Math::max);
                        if (record.offset() >= ends.get(partition) && !subscriptions.isEmpty()) {
                            broadcast(record.key(), record.value() == null ? null
                                    : valueType.cast(values.deserialize(topic, record.value())));
                        }
                    }
                    for (TopicPartition partition : partitions) {
                        positions.put(partition, consumer.position(partition));
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("the live feed of {} lost Kafka ({}); reconnecting", topic, e.getMessage());
            } finally {
                if (consumer != null) {
                    consumer.close();
                }
            }
        }
    }

    private void broadcast(String key, V value) {
        for (Subscription<V> subscription : subscriptions) {
            try {
                if (value == null) {
                    subscription.emitter().send(SseEmitter.event().name(subscription.eventName() + "-removed").id(key)
                            .data(key));
                } else if (subscription.filter().test(value)) {
                    subscription.emitter().send(SseEmitter.event().name(subscription.eventName()).id(key)
                            .data(subscription.view().apply(value)));
                }
            } catch (IOException | IllegalStateException gone) {
                subscriptions.remove(subscription);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
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
