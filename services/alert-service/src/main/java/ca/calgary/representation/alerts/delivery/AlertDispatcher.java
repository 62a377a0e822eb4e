package ca.calgary.representation.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ca.calgary.representation.alerts.AlertDelivery;
import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.app.AlertLog;
import ca.calgary.representation.alerts.app.AlertStreams;
import ca.calgary.representation.alerts.core.Rule;
import ca.calgary.representation.alerts.core.Severity;
import ca.calgary.representation.alerts.core.SubscriptionFilter;
import ca.calgary.representation.alerts.topology.AlertRecords;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.streams.StreamsLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers every alert transition to every subscription whose filter it matches, over each channel the subscription
 * asked for. Tries with exponential backoff; after the last try the delivery is dead-lettered with the reason.
 * Progress survives restarts: each outcome is written to {@code alerts.deliveries} before the transition's offset is
 * committed, and a delivery already recorded there is not made again. So a restart re-sends nothing already
 * delivered and misses nothing (a crash between a receiver's 2xx and the record can repeat one delivery; the
 * delivery id in {@code X-Alert-Delivery} lets the receiver drop it).
 */
public class AlertDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final KafkaProperties kafka;
    private final String group;
    private final StreamsLifecycle<AlertStreams> streams;
    private final AlertLog alertLog;
    private final List<Channel> channels;
    private final int attempts;
    private final Duration backoff;
    private final MeterRegistry meters;
    private volatile KafkaConsumer<String, Object> consumer;
    private volatile boolean running;

    public AlertDispatcher(KafkaProperties kafka, String group, StreamsLifecycle<AlertStreams> streams,
                           AlertLog alertLog, List<Channel> channels, int attempts, Duration backoff,
                           MeterRegistry meters) {
        this.kafka = kafka;
        this.group = group;
        this.streams = streams;
        this.alertLog = alertLog;
        this.channels = List.copyOf(channels);
        this.attempts = attempts;
        this.backoff = backoff;
        this.meters = meters;
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::run, "alert-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                AlertStreams views = awaitViews();
                if (views == null) {
                    return;
                }
                dispatch(views);
            } catch (WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("alert dispatcher lost Kafka or the registry ({}); resuming from the last commit",
                        e.getMessage());
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    /** The views (subscriptions, delivery outcomes) are bootstrapped before the topology runs. */
    private AlertStreams awaitViews() throws InterruptedException {
        while (running) {
            var current = streams.streams();
            if (current.isPresent() && current.get().isRunning()) {
                return current.get();
            }
            Thread.sleep(500);
        }
        return null;
    }

    private void dispatch(AlertStreams views) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        try (KafkaConsumer<String, Object> current = new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
            consumer = current;
            current.subscribe(List.of(AlertTopic.TRANSITIONS.topicName()));
            while (running) {
                for (ConsumerRecord<String, Object> record : current.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof AlertTransition transition) {
                        deliver(views, transition);
                    }
                    current.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void deliver(AlertStreams views, AlertTransition transition) {
        var alert = AlertRecords.fromAvro(transition.getAlert());
        List<AlertSubscription> subscriptions = new ArrayList<>();
        try (KeyValueIterator<String, AlertSubscription> all = views.subscriptions().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && filter(entry.value).matches(alert)) {
                    subscriptions.add(entry.value);
                }
            });
        }
        for (AlertSubscription subscription : subscriptions) {
            for (Channel channel : channels) {
                if (!channel.wanted(subscription)) {
                    continue;
                }
                String key = transition.getTransitionId() + "|" + subscription.getSubscriptionId() + "|"
                        + channel.name();
                if (views.deliveries().get(key) != null) {
                    continue; // delivered (or dead-lettered) before a restart
                }
                alertLog.delivery(key, attempt(channel, transition, subscription, key));
            }
        }
    }

    private AlertDelivery attempt(Channel channel, AlertTransition transition, AlertSubscription subscription,
                                  String key) {
        Duration wait = backoff;
        String reason = null;
        for (int attempt = 1; attempt <= attempts && running; attempt++) {
            try {
                channel.deliver(transition, subscription, key);
                meters.counter("alert.deliveries", "channel", channel.name(), "outcome", "DELIVERED").increment();
                return outcome(transition, subscription, channel, "DELIVERED", attempt, null);
            } catch (DeliveryException e) {
                reason = e.getMessage();
                log.info("delivery {} try {} of {} failed: {}", key, attempt, attempts, reason);
                if (attempt < attempts) {
                    sleep(wait);
                    wait = wait.multipliedBy(2);
                }
            }
        }
        meters.counter("alert.deliveries", "channel", channel.name(), "outcome", "DEAD_LETTERED").increment();
        log.warn("delivery {} dead-lettered after {} tries: {}", key, attempts, reason);
        return outcome(transition, subscription, channel, "DEAD_LETTERED", attempts,
                "gave up after " + attempts + " tries; last: " + reason);
    }

    private static AlertDelivery outcome(AlertTransition transition, AlertSubscription subscription, Channel channel,
                                         String outcome, int attempts, String reason) {
        return new AlertDelivery(transition.getTransitionId(), transition.getAlertId(),
                subscription.getSubscriptionId(), channel.name(), outcome, attempts, Instant.now(), reason);
    }

    public static SubscriptionFilter filter(AlertSubscription subscription) {
        return new SubscriptionFilter(subscription.getScopePrefix(), Set.copyOf(subscription.getTiers()),
                Set.copyOf(subscription.getGroups()),
                subscription.getRules().stream().map(Rule::valueOf).collect(Collectors.toSet()),
                Severity.valueOf(subscription.getMinimumSeverity()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
