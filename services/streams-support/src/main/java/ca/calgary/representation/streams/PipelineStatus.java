package ca.calgary.representation.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * How fresh a service's answers are: when each published table last changed, and whether the pipeline behind it is
 * caught up (every input event processed and published), measured in the background from the Streams applications'
 * consumer-group lag (input and repartition topics) and the work the service has read but not published yet. Every
 * answer carries the latest sample ({@link FreshnessHeaders}), {@code /v1/status} shows it whole, and live streams get
 * it as {@code status} events when it changes. The lag is the whole group's (every instance's partitions); the
 * unpublished work is this instance's.
 */
public final class PipelineStatus implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PipelineStatus.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    /**
     * One application's lag.
     *
     * @param lagEvents      records not processed yet, on its input and its own repartition topics
     * @param inputLagEvents of those, the records of its input topics (one input event may become many internal ones)
     */
    public record ApplicationLag(String consumerGroup, long lagEvents, long inputLagEvents, long lagSeconds,
                                 boolean lagSecondsExact, Instant reflectsInputUntil) {
    }

    /**
     * The latest sample.
     *
     * @param caughtUp           every input event has been processed and published, and this service's readers (its
     *                           feeds and the views its answers come from) have read what was published (nothing left to publish at two samples in a row with nothing
     *                           published between them)
     * @param lagEvents          records not processed yet, over every application (input and repartition topics)
     * @param inputLagEvents     of those, the records of the applications' input topics: input events not read yet
     * @param lagSeconds         how long the oldest event not yet reflected may have waited (0 when caught up)
     * @param lagSecondsExact    false while it is a lower bound (the service started behind and has not caught up
     *                           with any end it has seen since)
     * @param unpublishedChanges tables and employees this instance has read but not published yet
     * @param computedAt         when each published table last changed (the publication time of its newest record)
     * @param problem            why the lag could not be measured (the figures then count as not caught up)
     */
    public record Status(Instant observedAt, boolean caughtUp, long lagEvents, long inputLagEvents, long lagSeconds,
                         boolean lagSecondsExact, long unpublishedChanges, Map<String, ApplicationLag> applications,
                         Map<String, Instant> computedAt, String problem) {

        /** The last change of the given tables (the newest of them), if any has changed. */
        public Optional<Instant> computedAt(Set<String> tables) {
            return tables.stream().map(computedAt::get).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo);
        }

        /** What a live stream of {@code table} shows: the status with that table's time only. */
        Map<String, Object> forTable(String table) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("observedAt", observedAt);
            view.put("computedAt", computedAt.get(table));
            view.put("caughtUp", caughtUp);
            view.put("lagEvents", lagEvents);
            view.put("lagSeconds", lagSeconds);
            view.put("unpublishedChanges", unpublishedChanges);
            if (problem != null) {
                view.put("problem", problem);
            }
            return view;
        }

        /** Whether a stream's subscribers should hear of the change from {@code before}. */
        boolean differsFrom(Status before) {
            return before == null || caughtUp != before.caughtUp || lagEvents != before.lagEvents
                    || unpublishedChanges != before.unpublishedChanges
                    || !java.util.Objects.equals(problem, before.problem);
        }
    }

    private final StreamsLifecycle<?> streams;
    private final Map<String, Object> adminProperties;
    private final PipelineStatusProperties properties;
    private final Clock clock;
    private final Map<String, TopicFeed<?>> tables = new LinkedHashMap<>();
    private final List<Consumer<Status>> reporters = new CopyOnWriteArrayList<>();
    private final Map<String, ConsumerGroupLag> lags = new HashMap<>();
    private volatile Status status;
    private Status announced;
    private boolean previousSettled;
    private Map<TopicPartition, Long> previousPublished = Map.of();
    private Instant announcedAt = Instant.EPOCH;
    private ScheduledExecutorService sampler;
    private Admin admin;
    private AdminOffsets offsets;

    public PipelineStatus(StreamsLifecycle<?> streams, Map<String, Object> adminProperties,
                          PipelineStatusProperties properties, Clock clock) {
        this.streams = streams;
        this.adminProperties = Map.copyOf(adminProperties);
        this.properties = properties;
        this.clock = clock;
        this.status = notMeasured("not measured yet");
    }

    /** Adds a published table, named as answers and {@code /v1/status} name it, read from {@code feed}. */
    public PipelineStatus table(String name, TopicFeed<?> feed) {
        tables.put(name, feed);
        feed.greetWith("status", () -> status().forTable(name));
        return this;
    }

    /**
     * Hands every sample (each interval) to {@code reporter} too, e.g. to a topic: a reader downstream can then
     * tell what the pipeline looked like after a given moment.
     */
    public PipelineStatus reportTo(Consumer<Status> reporter) {
        reporters.add(reporter);
        return this;
    }

    /** The latest sample. */
    public Status status() {
        return status;
    }

    /** Samples now (the background sampler calls this every interval). */
    void sample() {
        synchronized (lags) {
            sampleGuarded();
        }
    }

    private void sampleGuarded() {
        Optional<? extends StreamsApplication> running = streams.streams();
        if (running.isEmpty()) {
            publish(notMeasured("the Streams application is not running"));
            return;
        }
        try {
            Map<String, ApplicationLag> applications = new LinkedHashMap<>();
            long events = 0;
            long inputEvents = 0;
            Instant reflected = clock.instant();
            Instant observedAt = reflected;
            boolean exact = true;
            for (ConsumerGroup group : running.get().consumerGroups()) {
                Measured measured = measure(group);
                ConsumerGroupLag.Lag lag = measured.lag();
                applications.put(group.groupId(), new ApplicationLag(group.groupId(), lag.events(),
                        measured.inputEvents(), lag.behind().toSeconds(), lag.exact(), lag.reflectsInputUntil()));
                events += lag.events();
                inputEvents += measured.inputEvents();
                exact &= lag.exact();
                reflected = lag.reflectsInputUntil().isBefore(reflected) ? lag.reflectsInputUntil() : reflected;
                observedAt = lag.observedAt().isAfter(observedAt) ? lag.observedAt() : observedAt;
            }
            StreamsApplication.Unpublished unpublished = running.get().unpublished();
            if (unpublished.since().isPresent() && unpublished.since().get().isBefore(reflected)) {
                reflected = unpublished.since().get();
            }
            // Published work becomes visible when its transaction commits, after the work left the stores: the
            // figures are caught up only once nothing is left to publish at two samples in a row with nothing
            // published between them, and this service's readers have read every published table to its end.
            boolean settled = events == 0 && unpublished.changes() == 0;
            Map<TopicPartition, Long> published = offsets.offsets(offsets.partitions(tables.values().stream()
                    .map(TopicFeed::topic).collect(Collectors.toSet())), OffsetSpec.latest());
            boolean quiet = settled && previousSettled && published.equals(previousPublished);
            // read: the feeds have read every table to its end, and each view answering reads holds what they read
            Map<String, ViewProgress> views = running.get().views();
            boolean read = tables.values().stream().allMatch(feed -> feed.hasRead(published)
                    && (!views.containsKey(feed.topic()) || views.get(feed.topic()).covers(feed.lastRecords())));
            previousSettled = settled;
            previousPublished = published;
            boolean caughtUp = quiet && read;
            long seconds = caughtUp ? 0 : Math.max(0, Duration.between(reflected, observedAt).toSeconds());
            publish(new Status(observedAt, caughtUp, events, inputEvents, seconds, exact, unpublished.changes(),
                    Map.copyOf(applications), computedAt(), null));
        } catch (RuntimeException e) {
            previousSettled = false;
            publish(notMeasured("cannot measure the lag: " + e.getMessage()));
        }
    }

    /** A group's lag, and the part of it on its input topics. */
    private record Measured(ConsumerGroupLag.Lag lag, long inputEvents) {
    }

    private Measured measure(ConsumerGroup group) {
        Set<TopicPartition> partitions = new HashSet<>(offsets.committed(group.groupId()).keySet());
        partitions.addAll(offsets.partitions(group.inputTopics()));
        Instant endsReadAt = clock.instant();
        Map<TopicPartition, Long> ends = offsets.offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> committed = offsets.committed(group.groupId());
        Set<TopicPartition> uncommitted = new HashSet<>(partitions);
        uncommitted.removeAll(committed.keySet());
        Map<TopicPartition, Long> starts = offsets.offsets(uncommitted, OffsetSpec.earliest());
        long inputEvents = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (group.inputTopics().contains(end.getKey().topic())) {
                long position = committed.getOrDefault(end.getKey(), starts.getOrDefault(end.getKey(), 0L));
                inputEvents += Math.max(0, end.getValue() - position);
            }
        }
        return new Measured(lags.computeIfAbsent(group.groupId(), g -> new ConsumerGroupLag())
                .observe(endsReadAt, ends, committed, starts), inputEvents);
    }

    private Map<String, Instant> computedAt() {
        Map<String, Instant> times = new LinkedHashMap<>();
        tables.forEach((name, feed) -> feed.latestChange().ifPresent(time -> times.put(name, time)));
        return times;
    }

    private Status notMeasured(String problem) {
        return new Status(clock.instant(), false, 0, 0, 0, false, 0, Map.of(), computedAt(), problem);
    }

    private void publish(Status sampled) {
        Status before = status;
        status = sampled;
        if (before.caughtUp() != sampled.caughtUp()) {
            log.info(sampled.caughtUp() ? "the figures are caught up with their input"
                    : "the figures are behind their input: {} events, {} unpublished changes{}", sampled.lagEvents(),
                    sampled.unpublishedChanges(), sampled.problem() == null ? "" : " (" + sampled.problem() + ")");
        }
        reporters.forEach(reporter -> reporter.accept(sampled));
        Instant now = clock.instant();
        if (sampled.differsFrom(announced) || !now.isBefore(announcedAt.plus(properties.heartbeat()))) {
            tables.forEach((name, feed) -> feed.announce("status", sampled.forTable(name)));
            announced = sampled;
            announcedAt = now;
        }
    }

    @Override
    public synchronized void start() {
        Map<String, Object> settings = new LinkedHashMap<>(adminProperties);
        settings.putIfAbsent("client.id", "pipeline-status-" + Integer.toHexString(System.identityHashCode(this)));
        admin = Admin.create(settings);
        offsets = new AdminOffsets(admin, CALL_TIMEOUT);
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pipeline-status");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sampleSafely, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sampleSafely() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("cannot sample the pipeline status", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
            admin.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sampler != null;
    }
}
