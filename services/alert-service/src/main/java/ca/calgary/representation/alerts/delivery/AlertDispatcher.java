package ca.calgary.representation.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import ca.calgary.representation.alerts.AlertDelivery;
import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.alerts.app.AlertLog;
import ca.calgary.representation.alerts.app.AlertStreams;
import ca.calgary.representation.alerts.core.AlertState;
import ca.calgary.representation.alerts.core.DigestSchedule;
import ca.calgary.representation.alerts.core.DigestSchedule.Delivery;
import ca.calgary.representation.alerts.core.DigestSection;
import ca.calgary.representation.alerts.core.FindingChange;
import ca.calgary.representation.alerts.core.QuietLoad;
import ca.calgary.representation.alerts.core.QuietLoad.Mode;
import ca.calgary.representation.alerts.core.Rule;
import ca.calgary.representation.alerts.core.Severity;
import ca.calgary.representation.alerts.core.Status;
import ca.calgary.representation.alerts.core.SubscriptionFilter;
import ca.calgary.representation.alerts.topology.AlertRecords;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.metrics.PipelineStatusReport;
import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.streams.PipelineStatus;
import ca.calgary.representation.streams.StreamsLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Tells subscribers about findings (SPEC §8): a subscription with IMMEDIATE delivery hears of each finding that
 * opens, worsens, improves or resolves (read from {@code alerts.findings}) and matches its filter in its head or a
 * cell beneath it, over each channel it asked for; a DAILY or WEEKLY subscription gets a {@link Digest} of what
 * opened, worsened and resolved in the period and what is still open, at the scheduled local time
 * ({@link DigestSchedule}). Tries with exponential backoff; after the last try the delivery is dead-lettered with
 * the reason. Progress survives restarts: each outcome is written to {@code alerts.deliveries} before the finding's
 * offset is committed (a scheduled digest: under {@code <daily|weekly>@<due>|subscriptionId|channel}), and a
 * delivery already recorded there is not made again. So a restart re-sends nothing already delivered and misses
 * nothing (a crash between a receiver's 2xx and the record can repeat one delivery; the delivery id in
 * {@code X-Alert-Delivery} lets the receiver drop it). A scheduled digest missed while the service was down is sent
 * when it is back, covering its own period.
 *
 * <p>While the pipeline catches up on history ({@link QuietLoad}) findings are held, not delivered, and scheduled
 * digests wait: the first finding held for a subscription and channel leaves a HELD record
 * ({@code held|subscriptionId|channel}), and once the pipeline has caught up each such subscription receives one
 * digest of what is open, recorded under {@code digest@<held at>|subscriptionId|channel} before the HELD record is
 * removed, so a restart neither repeats nor forgets it. A load's first figures move before the status samples show
 * the load, so a finding is told or held only once status sampled after it changed has come in (about a second).
 */
public class AlertDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    static final String HELD = "HELD";
    static final String HELD_PREFIX = "held|";
    /** A digest's delivery record names no one alert. */
    static final String DIGEST_ALERT_ID = "digest";
    private static final Duration QUIET_NOTICE = Duration.ofMinutes(10);
    private static final Duration STATUS_POLL = Duration.ofMillis(200);
    /** Sixty samples of the reporting service ({@code representation.status.interval}, 1 s): an instance gone. */
    static final Duration REPORT_STALE_AFTER = Duration.ofSeconds(60);

    private final KafkaProperties kafka;
    private final String group;
    private final StreamsLifecycle<AlertStreams> streams;
    private final AlertLog alertLog;
    private final List<Channel> channels;
    private final int attempts;
    private final Duration backoff;
    private final MeterRegistry meters;
    private final PipelineStatus pipeline;
    private final QuietLoad quiet;
    private final DigestSchedule schedule;
    /** Scheduled digests recorded by this instance, with when each fell due: the view lags behind writes. */
    private final Map<String, Instant> scheduledSent = new ConcurrentHashMap<>();
    private Instant nextScheduleCheck = Instant.EPOCH;
    /** The HELD records of this quiet period by {@code subscriptionId|channel}: the view lags behind writes. */
    private final Map<String, AlertDelivery> held = new ConcurrentHashMap<>();
    private volatile KafkaConsumer<String, Object> consumer;
    private volatile boolean running;
    private Instant quietNoticed = Instant.EPOCH;

    public AlertDispatcher(KafkaProperties kafka, String group, StreamsLifecycle<AlertStreams> streams,
                           AlertLog alertLog, List<Channel> channels, int attempts, Duration backoff,
                           MeterRegistry meters, PipelineStatus pipeline, QuietLoad quiet,
                           DigestSchedule schedule) {
        this.kafka = kafka;
        this.group = group;
        this.streams = streams;
        this.alertLog = alertLog;
        this.channels = List.copyOf(channels);
        this.attempts = attempts;
        this.backoff = backoff;
        this.meters = meters;
        this.pipeline = pipeline;
        this.quiet = quiet;
        this.schedule = schedule;
        meters.gauge("alert.dispatcher.quiet", this, dispatcher -> dispatcher.quiet.mode() == Mode.LIVE ? 0 : 1);
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
            current.subscribe(List.of(AlertTopic.FINDINGS.topicName()));
            recallHeld(views);
            while (running) {
                Mode mode = observe(views, pipeline.status());
                if (mode == Mode.WAITING) {
                    sleep(STATUS_POLL);
                    continue;
                }
                if (mode == Mode.LIVE && !held.isEmpty()) {
                    sendDigests(views);
                }
                if (mode == Mode.LIVE) {
                    sendScheduledDigests(views, Instant.now());
                }
                for (ConsumerRecord<String, Object> record : current.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof Finding finding && finding.getChange() != null
                            && FindingChange.valueOf(finding.getChange()).delivered()) {
                        Mode decided = decide(views, finding.getChangedAt());
                        if (decided == Mode.WAITING) {
                            return; // stopping: the finding is read again after the restart
                        }
                        if (decided == Mode.QUIET) {
                            hold(views, finding);
                        } else {
                            deliver(views, finding);
                        }
                    }
                    current.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } finally {
            consumer = null;
        }
    }

    /**
     * Whether a finding that changed at {@code changedAt} is delivered (LIVE) or held (QUIET): decided by status
     * sampled after it ({@link QuietLoad#modeFor}), which the samples bring within about their interval. WAITING
     * only when the dispatcher stops first.
     */
    private Mode decide(AlertStreams views, Instant changedAt) {
        Mode decided = quiet.modeFor(changedAt);
        while (decided == Mode.WAITING && running) {
            sleep(STATUS_POLL);
            observe(views, pipeline.status());
            decided = quiet.modeFor(changedAt);
        }
        return decided;
    }

    /**
     * The mode after the latest status: the alert application's own, and each representation-service instance's as
     * it reported it on metrics.pipeline-status (a backlog read but not yet published is not lag, and only the
     * instance knows it). A report not renewed for {@link #REPORT_STALE_AFTER} is an instance gone. A long quiet is
     * logged.
     */
    private Mode observe(AlertStreams views, PipelineStatus.Status own) {
        Mode before = quiet.mode();
        Instant now = Instant.now();
        long behind = 0;
        long lagSeconds = own.lagSeconds();
        boolean caughtUp = own.caughtUp();
        Instant observedAt = own.observedAt();
        List<String> reporting = new ArrayList<>();
        try (KeyValueIterator<String, PipelineStatusReport> reports = views.upstreamStatus().all()) {
            while (reports.hasNext()) {
                PipelineStatusReport report = reports.next().value;
                if (report == null || report.getObservedAt().isBefore(now.minus(REPORT_STALE_AFTER))) {
                    continue;
                }
                // input events, not internal records: a live change of a few events can republish thousands of flows
                behind += report.getInputLagEvents() + report.getUnpublishedChanges();
                lagSeconds = Math.max(lagSeconds, report.getLagSeconds());
                caughtUp &= report.getCaughtUp();
                observedAt = report.getObservedAt().isBefore(observedAt) ? report.getObservedAt() : observedAt;
                reporting.add(report.getInstance() + ": " + report.getInputLagEvents() + " HR events unread, "
                        + report.getUnpublishedChanges() + " changes unpublished");
            }
        }
        Mode mode = quiet.observe(new QuietLoad.Sample(observedAt, own.problem() == null, caughtUp, behind,
                lagSeconds));
        if (mode == Mode.QUIET && before != Mode.QUIET) {
            log.info("the pipeline is catching up ({}; {} s): findings are held for a digest", reporting,
                    lagSeconds);
            quietNoticed = now;
        } else if (mode == Mode.QUIET && now.isAfter(quietNoticed.plus(QUIET_NOTICE))) {
            log.warn("findings held for a digest for over {} min: the pipeline is catching up ({}; {} s)",
                    QUIET_NOTICE.toMinutes(), reporting, lagSeconds);
            quietNoticed = now;
        } else if (mode == Mode.LIVE && before == Mode.QUIET) {
            log.info("the pipeline has caught up: sending digests, then every finding as it changes");
        }
        return mode;
    }

    /**
     * The subscriptions with immediate delivery whose filter matches the finding's head or a cell beneath it and
     * that existed when it changed: a new subscription hears of changes from then on (what is open already is in
     * {@code GET /v1/alerts}), even when the dispatcher reads an older change after it was made.
     */
    private List<AlertSubscription> matching(AlertStreams views, Finding finding) {
        List<AlertSubscription> subscriptions = new ArrayList<>();
        try (KeyValueIterator<String, AlertSubscription> all = views.subscriptions().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && delivery(entry.value) == Delivery.IMMEDIATE
                        && !entry.value.getCreatedAt().isAfter(finding.getChangedAt())
                        && matches(filter(entry.value), finding)) {
                    subscriptions.add(entry.value);
                }
            });
        }
        return subscriptions;
    }

    private void deliver(AlertStreams views, Finding finding) {
        String changeId = finding.getFindingId() + "@" + finding.getChangedAt().toEpochMilli();
        for (AlertSubscription subscription : matching(views, finding)) {
            for (Channel channel : channels) {
                if (!channel.wanted(subscription)) {
                    continue;
                }
                String key = changeId + "|" + subscription.getSubscriptionId() + "|" + channel.name();
                if (views.deliveries().get(key) != null) {
                    continue; // delivered (or dead-lettered) before a restart
                }
                alertLog.delivery(key, attempt(channel, key, changeId, finding.getFindingId(), subscription,
                        () -> channel.deliver(finding, subscription, key)));
            }
        }
    }

    /** Quiet: the first finding held for a subscription and channel leaves a HELD record; a digest is owed. */
    private void hold(AlertStreams views, Finding finding) {
        String changeId = finding.getFindingId() + "@" + finding.getChangedAt().toEpochMilli();
        for (AlertSubscription subscription : matching(views, finding)) {
            for (Channel channel : channels) {
                if (!channel.wanted(subscription)) {
                    continue;
                }
                meters.counter("alert.deliveries", "channel", channel.name(), "outcome", HELD).increment();
                String owner = subscription.getSubscriptionId() + "|" + channel.name();
                if (!held.containsKey(owner)) {
                    AlertDelivery record = new AlertDelivery(changeId, finding.getFindingId(),
                            subscription.getSubscriptionId(), channel.name(), HELD, 0, Instant.now(),
                            "held while the pipeline catches up on history; a digest follows");
                    alertLog.delivery(HELD_PREFIX + owner, record);
                    held.put(owner, record);
                }
            }
        }
    }

    /** The HELD records a restart finds: a digest is still owed for each. */
    private void recallHeld(AlertStreams views) {
        held.clear();
        try (KeyValueIterator<String, AlertDelivery> records = views.deliveries()
                .prefixScan(HELD_PREFIX, new StringSerializer())) {
            records.forEachRemaining(entry -> {
                if (entry.value != null) {
                    held.put(entry.key.substring(HELD_PREFIX.length()), entry.value);
                }
            });
        }
    }

    /** Caught up: one digest of what is open to each subscription and channel that had findings held. */
    private void sendDigests(AlertStreams views) {
        for (Map.Entry<String, AlertDelivery> entry : List.copyOf(held.entrySet())) {
            AlertDelivery record = entry.getValue();
            String digestId = "digest@" + record.getAt().toEpochMilli();
            String key = digestId + "|" + entry.getKey();
            AlertSubscription subscription = views.subscriptions().get(record.getSubscriptionId());
            Channel channel = channels.stream().filter(c -> c.name().equals(record.getChannel())).findFirst()
                    .orElse(null);
            if (subscription != null && channel != null && channel.wanted(subscription)
                    && views.deliveries().get(key) == null) {
                Instant now = Instant.now();
                List<Finding> open = matchingFindings(views, subscription).stream()
                        .filter(finding -> !Status.RESOLVED.name().equals(finding.getStatus())).toList();
                Digest digest = Digest.caughtUp(digestId, record.getAt(), now, open);
                alertLog.delivery(key, attempt(channel, key, digestId, DIGEST_ALERT_ID, subscription,
                        () -> channel.deliver(digest, subscription, key)));
            }
            alertLog.remove(HELD_PREFIX + entry.getKey());
            held.remove(entry.getKey());
        }
    }

    /**
     * Each DAILY or WEEKLY subscription's latest digest that fell due after it was made and is not recorded yet,
     * over each channel it asked for (checked every second).
     */
    private void sendScheduledDigests(AlertStreams views, Instant now) {
        if (now.isBefore(nextScheduleCheck)) {
            return;
        }
        nextScheduleCheck = now.plusSeconds(1);
        List<AlertSubscription> scheduled = new ArrayList<>();
        try (KeyValueIterator<String, AlertSubscription> all = views.subscriptions().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && delivery(entry.value) != Delivery.IMMEDIATE) {
                    scheduled.add(entry.value);
                }
            });
        }
        for (AlertSubscription subscription : scheduled) {
            Delivery delivery = delivery(subscription);
            Instant due = schedule.latestDue(delivery, now);
            if (!due.isAfter(subscription.getCreatedAt())) {
                continue;
            }
            Instant since = schedule.previousDue(delivery, due);
            since = since.isBefore(subscription.getCreatedAt()) ? subscription.getCreatedAt() : since;
            String digestId = delivery.name().toLowerCase(java.util.Locale.ROOT) + "@" + due.toEpochMilli();
            for (Channel channel : channels) {
                String key = digestId + "|" + subscription.getSubscriptionId() + "|" + channel.name();
                if (!channel.wanted(subscription) || scheduledSent.containsKey(key) || views.deliveries().get(key) != null) {
                    continue;
                }
                Digest digest = scheduledDigest(views, subscription, digestId, delivery, since, due);
                alertLog.delivery(key, attempt(channel, key, digestId, DIGEST_ALERT_ID, subscription,
                        () -> channel.deliver(digest, subscription, key)));
                scheduledSent.put(key, due);
            }
        }
        // a week's digest stays due for a week; after that the view has long caught up with the record
        scheduledSent.values().removeIf(due -> due.isBefore(now.minus(Duration.ofDays(8))));
    }

    private static Digest scheduledDigest(AlertStreams views, AlertSubscription subscription, String digestId,
                                          Delivery delivery, Instant since, Instant until) {
        Map<DigestSection, List<Finding>> sections = new HashMap<>();
        for (Finding finding : matchingFindings(views, subscription)) {
            DigestSection section = DigestSection.of(since, until, finding.getOpenedAt(), finding.getWorsenedAt(),
                    !Status.RESOLVED.name().equals(finding.getStatus()), finding.getResolvedAt());
            if (section != null) {
                sections.computeIfAbsent(section, s -> new ArrayList<>()).add(finding);
            }
        }
        return new Digest(digestId, delivery == Delivery.DAILY ? Digest.Kind.DAILY : Digest.Kind.WEEKLY, since,
                until, sections.getOrDefault(DigestSection.OPENED, List.of()),
                sections.getOrDefault(DigestSection.WORSENED, List.of()),
                sections.getOrDefault(DigestSection.RESOLVED, List.of()),
                sections.getOrDefault(DigestSection.STILL_OPEN, List.of()));
    }

    /** The findings whose head or a cell beneath matches the subscription's filter, highest priority first. */
    private static List<Finding> matchingFindings(AlertStreams views, AlertSubscription subscription) {
        SubscriptionFilter filter = filter(subscription);
        List<Finding> findings = new ArrayList<>();
        try (KeyValueIterator<String, Finding> all = views.findings().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && matches(filter, entry.value)) {
                    findings.add(entry.value);
                }
            });
        }
        findings.sort(Comparator.comparingDouble(Finding::getPriority).reversed()
                .thenComparing(Finding::getFindingId));
        return findings;
    }

    private static boolean matches(SubscriptionFilter filter, Finding finding) {
        List<AlertState> cells = new ArrayList<>();
        cells.add(AlertRecords.fromAvro(finding.getHead()));
        finding.getCells().forEach(cell -> cells.add(AlertRecords.fromAvro(cell)));
        return filter.matchesAny(cells);
    }

    private static Delivery delivery(AlertSubscription subscription) {
        return Delivery.valueOf(subscription.getDelivery());
    }

    /** One try of a delivery. */
    private interface Attempt {
        void run() throws DeliveryException;
    }

    private AlertDelivery attempt(Channel channel, String key, String deliveredId, String alertId,
                                  AlertSubscription subscription, Attempt delivery) {
        Duration wait = backoff;
        String reason = null;
        for (int attempt = 1; attempt <= attempts && running; attempt++) {
            try {
                delivery.run();
                meters.counter("alert.deliveries", "channel", channel.name(), "outcome", "DELIVERED").increment();
                return outcome(deliveredId, alertId, subscription, channel, "DELIVERED", attempt, null);
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
        return outcome(deliveredId, alertId, subscription, channel, "DEAD_LETTERED", attempts,
                "gave up after " + attempts + " tries; last: " + reason);
    }

    private static AlertDelivery outcome(String deliveredId, String alertId, AlertSubscription subscription,
                                         Channel channel, String outcome, int attempts, String reason) {
        return new AlertDelivery(deliveredId, alertId, subscription.getSubscriptionId(), channel.name(), outcome,
                attempts, Instant.now(), reason);
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
