package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.core.Benchmark;
import ca.calgary.representation.metrics.core.Benchmarks;
import ca.calgary.representation.metrics.core.CellFigures;
import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.GroupCounts;
import ca.calgary.representation.metrics.core.Quarter;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Quarter-end snapshots of the representation figures (SPEC §7) for the quarters of one partition: the quarter-end
 * head counts per (scope, tier), kept from the coalesced changes of {@link EmployeeFlowsProcessor}, with every
 * benchmark (each partition receives every benchmark change), published on the quarter's last day and restated,
 * under a higher revision, when a late event or a benchmark changes them (once the changes settle, {@link Settling}).
 */
final class QuarterSnapshotAggregator
        implements Processor<String, QuarterSnapshotAggregator.Input, String, RepresentationSnapshot> {

    /** What this aggregation reads: keyed by quarter id, or by benchmark key. */
    sealed interface Input {
    }

    /** The change of a quarter's quarter-end head counts. */
    record QuarterEnd(Map<CellKey, GroupCounts> cells) implements Input {
    }

    /** A benchmark set ({@code share}) or removed (null). */
    record BenchmarkChange(BenchmarkShare share) implements Input {
    }

    static final String COUNTS_STORE = "quarter-end-counts";
    /** Each quarter of this partition: whether it changed since its snapshot was last published. */
    static final String QUARTERS_STORE = "snapshot-quarters";
    static final String BENCHMARKS_STORE = "snapshot-benchmarks";
    static final String PUBLISHED_STORE = "published-snapshots";
    /** The tables read but not published yet ({@link Settling}); queryable, not logged. */
    static final String UNPUBLISHED_STORE = "snapshots-unpublished";

    private final Supplier<LocalDate> today;
    private final RepresentationCalculator calculator;
    private final Duration publishInterval;
    private final Settling settling;
    private ProcessorContext<String, RepresentationSnapshot> context;
    private KeyValueStore<String, GroupCounts> counts;
    private KeyValueStore<String, String> quarters;
    private KeyValueStore<String, BenchmarkShare> benchmarks;
    private RevisedPublication<RepresentationSnapshot> publication;
    /** Whether the last publication stopped at its budget with due quarters left. */
    private boolean unfinished;

    QuarterSnapshotAggregator(Supplier<LocalDate> today, RepresentationCalculator calculator,
                              Duration publishInterval, Backlog backlog) {
        this.today = today;
        this.calculator = calculator;
        this.publishInterval = publishInterval;
        this.settling = new Settling(backlog);
    }

    static ProcessorSupplier<String, Input, String, RepresentationSnapshot> supplier(
            Supplier<LocalDate> today, RepresentationCalculator calculator, Duration publishInterval,
            Backlog backlog,
            Serde<BenchmarkShare> benchmarkSerde) {
        return StoreOwningSupplier.of(
                () -> new QuarterSnapshotAggregator(today, calculator, publishInterval, backlog),
                RepresentationTopology.loggedStore(COUNTS_STORE, InternalSerdes.groupCounts(), Map.of()),
                RepresentationTopology.loggedStore(QUARTERS_STORE, Serdes.String(), Map.of()),
                RepresentationTopology.loggedStore(BENCHMARKS_STORE, benchmarkSerde, Map.of()),
                RevisedPublication.publishedStore(PUBLISHED_STORE),
                Settling.waitingStore(UNPUBLISHED_STORE));
    }

    @Override
    public void init(ProcessorContext<String, RepresentationSnapshot> context) {
        this.context = context;
        settling.init(context.getStateStore(UNPUBLISHED_STORE));
        this.counts = context.getStateStore(COUNTS_STORE);
        this.quarters = context.getStateStore(QUARTERS_STORE);
        this.benchmarks = context.getStateStore(BENCHMARKS_STORE);
        for (KeyValue<String, String> quarter : allQuarters()) {
            if (FlowPeriodAggregator.CHANGED.equals(quarter.value)
                    && !Quarter.parse(quarter.key).end().isAfter(today.get())) {
                settling.restored(quarter.key, context.currentSystemTimeMs());
            }
        }
        this.publication = new RevisedPublication<>(context.getStateStore(PUBLISHED_STORE), (key, snapshot) ->
                context.forward(new Record<>(key, snapshot, context.currentSystemTimeMs())));
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, now -> publishChanges());
        // the rest of a sliced publication, or tables whose backlog has just been read: not at the next interval
        context.schedule(RevisedPublication.SLICE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {
            if (unfinished || settling.backlogReadSinceWaiting(now)) {
                publishChanges();
            }
        });
    }

    @Override
    public void process(Record<String, Input> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() instanceof QuarterEnd change) {
            String quarter = record.key();
            change.cells().forEach((cell, delta) -> {
                String key = quarter + "|" + cell.id();
                GroupCounts stored = counts.get(key);
                GroupCounts updated = stored == null ? delta : stored.plus(delta);
                if (updated.isEmpty()) {
                    counts.delete(key);
                } else {
                    counts.put(key, updated);
                }
            });
            changed(quarter, record.timestamp());
        } else if (record.value() instanceof BenchmarkChange change) {
            if (change.share() == null) {
                benchmarks.delete(record.key());
            } else {
                benchmarks.put(record.key(), change.share());
            }
            for (KeyValue<String, String> quarter : allQuarters()) {
                changed(quarter.key, record.timestamp());
            }
        }
    }

    private void changed(String quarter, long eventTimeMs) {
        quarters.put(quarter, FlowPeriodAggregator.CHANGED);
        // A quarter in progress has no snapshot to wait for; once it ends, its snapshot is due at once.
        if (!Quarter.parse(quarter).end().isAfter(today.get())) {
            settling.changed(quarter, context.currentSystemTimeMs(), eventTimeMs);
        }
    }

    private List<KeyValue<String, String>> allQuarters() {
        List<KeyValue<String, String>> known = new ArrayList<>();
        try (KeyValueIterator<String, String> all = quarters.all()) {
            all.forEachRemaining(known::add);
        }
        return known;
    }

    /** Snapshots of changed quarters that have ended (a quarter's snapshot is taken on its last day). */
    private void publishChanges() {
        LocalDate asOf = today.get();
        Benchmarks shares = null;
        int budget = RevisedPublication.SLICE_RECORDS;
        unfinished = false;
        for (KeyValue<String, String> entry : allQuarters()) {
            Quarter quarter = Quarter.parse(entry.key);
            if (!FlowPeriodAggregator.CHANGED.equals(entry.value) || quarter.end().isAfter(asOf)
                    || !settling.due(entry.key, context.currentSystemTimeMs())) {
                continue;
            }
            if (budget <= 0) {
                unfinished = true;
                return;
            }
            if (shares == null) {
                shares = benchmarks();
            }
            budget -= publish(quarter, shares);
        }
    }

    /** Returns how many records it sent. */
    private int publish(Quarter quarter, Benchmarks shares) {
        String prefix = quarter.id() + "|";
        Map<CellKey, GroupCounts> table = RevisedPublication.cells(counts, quarter.id());
        Map<String, RevisedPublication.Candidate<RepresentationSnapshot>> records = new HashMap<>();
        for (CellFigures figures : calculator.figures(table, shares, quarter.end())) {
            records.put(prefix + figures.cellId(), new RevisedPublication.Candidate<>(figures,
                    revision -> FlowRecords.snapshot(quarter, figures, revision)));
        }
        int sent = publication.publish(prefix, records);
        settling.published(quarter.id());
        if (table.isEmpty()) {
            quarters.delete(quarter.id());
        } else {
            quarters.put(quarter.id(), FlowPeriodAggregator.PUBLISHED);
        }
        return sent;
    }

    private Benchmarks benchmarks() {
        List<Benchmark> shares = new ArrayList<>();
        try (KeyValueIterator<String, BenchmarkShare> all = benchmarks.all()) {
            all.forEachRemaining(entry -> shares.add(RepresentationAggregator.benchmark(entry.value)));
        }
        return new Benchmarks(shares);
    }
}
