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
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Quarter;
import ca.calgary.representation.metrics.core.Releases;
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
 *
 * <p>Restatements follow the release rule (SPEC §9, {@link Releases}), as the live figures do: a quarter's (scope,
 * tier) keeps the group figures of its last release until at least the release threshold of employees have changed
 * in its quarter-end head counts since, so a late hire or a backdated self-identification never names the person in
 * an old quarter's snapshot; TOTAL's headcount is current. A quarter's first snapshot releases everyone (a first
 * computation).
 */
final class QuarterSnapshotAggregator
        implements Processor<String, QuarterSnapshotAggregator.Input, String, RepresentationSnapshot> {

    /** What this aggregation reads: keyed by quarter id, or by benchmark key. */
    sealed interface Input {
    }

    /** The change of a quarter's quarter-end head counts, and who changed in them. */
    record QuarterEnd(FlowCountChange.QuarterEndChange change) implements Input {
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
    /** Each quarter-end (scope, tier)'s last release and who changed in it since ({@link Releases}). */
    static final String RELEASES_STORE = "snapshot-releases";

    private final Supplier<LocalDate> today;
    private final RepresentationCalculator calculator;
    private final int releaseThreshold;
    private final Duration publishInterval;
    private final Settling settling;
    private ProcessorContext<String, RepresentationSnapshot> context;
    private KeyValueStore<String, GroupCounts> counts;
    private KeyValueStore<String, String> quarters;
    private KeyValueStore<String, BenchmarkShare> benchmarks;
    private ReleasedTables<GroupCounts> releases;
    private RevisedPublication<RepresentationSnapshot> publication;
    /** Whether the last publication stopped at its budget with due quarters left. */
    private boolean unfinished;

    QuarterSnapshotAggregator(Supplier<LocalDate> today, RepresentationCalculator calculator, int releaseThreshold,
                              Duration publishInterval, Backlog backlog) {
        this.today = today;
        this.calculator = calculator;
        this.releaseThreshold = releaseThreshold;
        this.publishInterval = publishInterval;
        this.settling = new Settling(backlog);
    }

    static ProcessorSupplier<String, Input, String, RepresentationSnapshot> supplier(
            Supplier<LocalDate> today, RepresentationCalculator calculator, int releaseThreshold,
            Duration publishInterval, Backlog backlog, Serde<BenchmarkShare> benchmarkSerde) {
        return StoreOwningSupplier.of(
                () -> new QuarterSnapshotAggregator(today, calculator, releaseThreshold, publishInterval, backlog),
                RepresentationTopology.loggedStore(COUNTS_STORE, InternalSerdes.groupCounts(), Map.of()),
                RepresentationTopology.loggedStore(QUARTERS_STORE, Serdes.String(), Map.of()),
                RepresentationTopology.loggedStore(BENCHMARKS_STORE, benchmarkSerde, Map.of()),
                RepresentationTopology.loggedStore(RELEASES_STORE, InternalSerdes.release(), Map.of()),
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
        this.releases = new ReleasedTables<>(context.getStateStore(RELEASES_STORE), releaseThreshold,
                counts -> counts.headcount() > 0);
        for (KeyValue<String, String> quarter : allQuarters()) {
            if (Quarter.parse(quarter.key).end().isAfter(today.get())) {
                continue;
            }
            if (FlowPeriodAggregator.firstComputation(quarter.value)) {
                settling.restoredInFirstComputation(quarter.key, context.currentSystemTimeMs());
            } else if (FlowPeriodAggregator.CHANGED.equals(quarter.value)) {
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
        if (record.value() instanceof QuarterEnd quarterEnd) {
            String quarter = record.key();
            if (!firstComputation(quarter)) {
                releases.changed(quarter, quarterEnd.change().contributors());
            }
            quarterEnd.change().cells().forEach((cell, delta) -> {
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
        // A quarter never published is a first computation (SPEC §9), released whole once read.
        boolean first = firstComputation(quarter);
        quarters.put(quarter, first ? FlowPeriodAggregator.NEW : FlowPeriodAggregator.CHANGED);
        // A quarter in progress has no snapshot to wait for; once it ends, its snapshot is due at once.
        if (!Quarter.parse(quarter).end().isAfter(today.get())) {
            if (first) {
                settling.changedInFirstComputation(quarter, context.currentSystemTimeMs(), eventTimeMs);
            } else {
                settling.changed(quarter, context.currentSystemTimeMs(), eventTimeMs);
            }
        }
    }

    /** Whether a quarter's snapshot was never published: its first one releases everyone, who changed aside. */
    private boolean firstComputation(String quarter) {
        return FlowPeriodAggregator.firstComputation(quarters.get(quarter));
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
            if (FlowPeriodAggregator.PUBLISHED.equals(entry.value) || quarter.end().isAfter(asOf)
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
            budget -= publish(quarter, shares, asOf);
        }
    }

    /**
     * Returns how many records it sent. A quarter's first snapshot published before its backlog was read (it paused,
     * or waited long) stays a first computation: its next publication releases everyone again.
     */
    private int publish(Quarter quarter, Benchmarks shares, LocalDate asOf) {
        boolean complete = settling.read(quarter.id());
        boolean firstComputation = firstComputation(quarter.id());
        String prefix = quarter.id() + "|";
        Map<CellKey, GroupCounts> table = RevisedPublication.cells(counts, quarter.id());
        Map<CellKey, Releases.Release<GroupCounts>> released = releases.release(quarter.id(), table, asOf,
                firstComputation);
        Map<String, RevisedPublication.Candidate<RepresentationSnapshot>> records = new HashMap<>();
        for (CellFigures releasedFigures : calculator.figures(ReleasedTables.counts(released), shares,
                quarter.end())) {
            CellKey key = new CellKey(releasedFigures.scope(), releasedFigures.tier());
            // TOTAL's headcount is current between releases (not sensitive), as on the live figures
            CellFigures figures = releasedFigures.group() == Group.TOTAL
                    ? releasedFigures.withHeadcount(table.get(key).headcount(), quarter.end()) : releasedFigures;
            LocalDate releasedOn = released.get(key).on();
            records.put(prefix + figures.cellId(), new RevisedPublication.Candidate<>(List.of(figures, releasedOn),
                    revision -> FlowRecords.snapshot(quarter, figures, releasedOn, revision)));
        }
        int sent = publication.publish(prefix, records);
        settling.published(quarter.id());
        if (table.isEmpty()) {
            quarters.delete(quarter.id());
        } else if (complete || !firstComputation) {
            quarters.put(quarter.id(), FlowPeriodAggregator.PUBLISHED);
        } else {
            // published again once read, complete (nothing changed is sent): until then a change is still released
            quarters.put(quarter.id(), FlowPeriodAggregator.PARTIAL);
            settling.restoredInFirstComputation(quarter.id(), context.currentSystemTimeMs());
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
