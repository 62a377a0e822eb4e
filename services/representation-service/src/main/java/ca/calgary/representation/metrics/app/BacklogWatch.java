package ca.calgary.representation.metrics.app;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ca.calgary.representation.metrics.topology.Backlog;
import ca.calgary.representation.streams.AdminOffsets;
import ca.calgary.representation.streams.ConsumerGroup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one Streams application for the moment it has read all of its input, so its aggregations publish a
 * backlog's tables then, complete, instead of waiting a fixed quiet period after the last change (which costs that
 * period at the end of every first load, and publishes a table half-loaded whenever the load pauses longer). Every
 * {@link #CHECK_INTERVAL} it checks, in this order: no work held on this instance (employees waiting for a pass, a
 * quarter's re-evaluation: the processors say so, {@link #holding}), the group's committed offsets, the partitions'
 * ends, and the held work again. Offsets before ends: a pass whose output is committed after the offsets were read
 * shows as a repartition partition not read to its end. Two checks in a row must find everything read, and the
 * first one's start is the time it is read since: a pass that has just ended holds nothing any more, but its output
 * may not have reached the broker at the first check (the producer lingers). The held work is this instance's; with
 * several instances another one's may still come, which costs a restatement, never a wrong figure (a publication
 * always holds every change its task has read).
 */
final class BacklogWatch implements Backlog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BacklogWatch.class);
    static final Duration CHECK_INTERVAL = Duration.ofMillis(200);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private final AdminOffsets offsets;
    private final String groupId;
    private volatile long readAllSinceMs = Long.MIN_VALUE;
    /** This instance's tasks whose processors hold work no offset shows. */
    private final Set<TaskId> holding = ConcurrentHashMap.newKeySet();
    /** When the previous check began, if it found everything read; only the checking thread uses it. */
    private long previousReadStartedMs = Long.MIN_VALUE;
    private ScheduledExecutorService checks;

    BacklogWatch(Admin admin, String groupId) {
        this.offsets = new AdminOffsets(admin, CALL_TIMEOUT);
        this.groupId = groupId;
    }

    @Override
    public long readAllSinceMs() {
        return readAllSinceMs;
    }

    @Override
    public void holding(TaskId task, boolean holds) {
        if (holds) {
            holding.add(task);
        } else {
            holding.remove(task);
        }
    }

    /** Starts checking {@code application}, whose tasks read the topics of {@code group}. */
    void start(KafkaStreams application, ConsumerGroup group) {
        Set<String> topics = group.sourceTopics();
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, groupId + "-backlog-watch");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(() -> check(application, topics), CHECK_INTERVAL.toMillis(),
                CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check(KafkaStreams application, Set<String> topics) {
        long startedMs = System.currentTimeMillis();
        boolean read = false;
        try {
            read = application.state() == KafkaStreams.State.RUNNING && holding.isEmpty() && readToEnd(topics)
                    && holding.isEmpty();
        } catch (RuntimeException e) {
            // the broker away, a topic not created yet: nothing is known to be read
            log.debug("{}: cannot tell whether the input is read: {}", groupId, e.getMessage());
        }
        if (read && previousReadStartedMs != Long.MIN_VALUE) {
            readAllSinceMs = previousReadStartedMs;
        }
        previousReadStartedMs = read ? startedMs : Long.MIN_VALUE;
    }

    /** Whether the group has committed every partition of these topics to its end, as the broker says now. */
    private boolean readToEnd(Set<String> topics) {
        Map<TopicPartition, Long> committed = offsets.committed(groupId);
        Set<TopicPartition> partitions = offsets.partitions(topics);
        Map<TopicPartition, Long> ends = offsets.offsets(partitions, OffsetSpec.latest());
        Set<TopicPartition> uncommitted = new HashSet<>(partitions);
        uncommitted.removeAll(committed.keySet());
        Map<TopicPartition, Long> starts = offsets.offsets(uncommitted, OffsetSpec.earliest());
        return readToEnd(partitions, committed, ends, starts);
    }

    /**
     * Whether every partition has been committed to its end: a partition the group never committed counts as read
     * when it holds nothing (its start is its end).
     */
    static boolean readToEnd(Set<TopicPartition> partitions, Map<TopicPartition, Long> committed,
                             Map<TopicPartition, Long> ends, Map<TopicPartition, Long> starts) {
        if (partitions.isEmpty()) {
            return false;
        }
        for (TopicPartition partition : partitions) {
            Long end = ends.get(partition);
            Long position = committed.containsKey(partition) ? committed.get(partition) : starts.get(partition);
            if (end == null || position == null || position < end) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.shutdownNow();
        }
    }
}
