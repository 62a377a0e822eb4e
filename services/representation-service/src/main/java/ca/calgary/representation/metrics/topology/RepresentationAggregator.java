package ca.calgary.representation.metrics.topology;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.DeadLetterReason;
import ca.calgary.representation.metrics.core.Benchmark;
import ca.calgary.representation.metrics.core.Benchmarks;
import ca.calgary.representation.metrics.core.CellFigures;
import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.ChangedFigures;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.GroupCounts;
import ca.calgary.representation.metrics.core.Releases;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.topology.InternalSerdes.LiveCountChange;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds the counts of every (scope, tier) and the benchmarks, and publishes the figures of every cell that changed.
 * Complementary suppression needs the whole table (a unit and its child units, a whole and its parts), so the
 * counts live in one task. What reaches it are coalesced changes of cells' counts, summed over many employees by
 * the partitioned {@link EmployeeStateProcessor}, so the task keeps counts per cell ({@code
 * representation-cell-counts}), never anything per employee: its state, its start-up read and its work are bounded
 * by the cells and the passes, not by the workforce or its events. Publication is coalesced: at most once per interval (live changes
 * at the next one, a backlog once it is read, {@link Settling}), only cells whose published figures
 * changed, the latest state of each.
 *
 * <p>Group figures follow the release rule (SPEC §9, {@link Releases}): a (scope, tier)'s group counts are
 * published from its last release until at least the release threshold of employees have changed in it since, so a
 * published change never isolates one person; the changes name their employees by digest, at most the threshold
 * per cell ({@code representation-releases} keeps them, per cell). TOTAL rows carry today's headcount. Complementary
 * suppression runs over the released counts, so every published number comes from released counts alone.
 */
final class RepresentationAggregator
        implements Processor<String, RepresentationAggregator.Input, String, SpecificRecord> {

    /** What this aggregation reads: keyed by employee, by benchmark key, or by dead-letter reason. */
    sealed interface Input {
    }

    /** The coalesced change of the counts of many employees' cells ({@link EmployeeStateProcessor}). */
    record CountChange(LiveCountChange change) implements Input {
    }

    /** A benchmark set ({@code share}) or removed (null). */
    record BenchmarkChange(BenchmarkShare share) implements Input {
    }

    /** A record of the inputs that could not apply, counted by reason as data quality. */
    record DeadLettered(DeadLetter letter) implements Input {
    }

    /** The counts of every (scope, tier): nothing per employee. */
    static final String CELL_COUNTS_STORE = "representation-cell-counts";
    static final String BENCHMARKS_STORE = "benchmarks";
    /** The signature of each cell's figures as last published. */
    static final String PUBLISHED_STORE = "published-figures";
    /** The tables read but not published yet ({@link Settling}); queryable, not logged. */
    static final String UNPUBLISHED_STORE = "representation-unpublished";
    static final String DATA_QUALITY_STORE = "data-quality";
    /** Each (scope, tier)'s last release and who changed in it since ({@link Releases}). */
    static final String RELEASES_STORE = "representation-releases";

    /** The key of the data-quality record; figures are keyed by cell id ({@code scope|tier|group}). */
    static final String DATA_QUALITY_KEY = "ORG";
    /** The one table this aggregator publishes, for {@link Settling}. */
    static final String CELLS = "cells";
    private static final String UNEXPLAINED_EVENTS = "unexplained-events";
    private static final String EMPLOYEES_WITH_UNEXPLAINED = "employees-with-unexplained-events";
    private static final String DEAD_LETTERS = "dead-letters|";
    private final Supplier<LocalDate> today;
    private final RepresentationCalculator calculator;
    /** Computes only the cells whose figures can have changed since the last publication (empty after init). */
    private ChangedFigures changedFigures;
    private final Duration publishInterval;
    private final Settling settling;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, GroupCounts> cellCounts;
    /** The store's contents: a publication computes every cell, and must not read the store to do so. */
    private final Map<CellKey, GroupCounts> counts = new HashMap<>();
    private KeyValueStore<String, BenchmarkShare> benchmarks;
    private KeyValueStore<String, String> published;
    /** The published store's contents: a publication compares every cell, and must not read the store to do so. */
    private final Map<String, String> publishedSignatures = new HashMap<>();
    private KeyValueStore<String, Long> dataQuality;
    private KeyValueStore<String, Releases.Release<GroupCounts>> releaseStore;
    private final Releases releases;
    /** The TOTAL figures of each cell's release: republished with the headcount whenever it changes. */
    private final Map<CellKey, CellFigures> releasedTotals = new HashMap<>();
    /** Cells whose headcount may have changed since the last publication. */
    private final Set<CellKey> countsChanged = new HashSet<>();
    private boolean dirty = true;

    RepresentationAggregator(Supplier<LocalDate> today, RepresentationCalculator calculator, int releaseThreshold,
                             Duration publishInterval, Backlog backlog) {
        this.today = today;
        this.calculator = calculator;
        this.releases = new Releases(releaseThreshold);
        this.publishInterval = publishInterval;
        this.settling = new Settling(backlog);
    }

    static ProcessorSupplier<String, Input, String, SpecificRecord> supplier(
            Supplier<LocalDate> today, RepresentationCalculator calculator, int releaseThreshold,
            Duration publishInterval, Backlog backlog, Serde<BenchmarkShare> benchmarkSerde) {
        return StoreOwningSupplier.of(
                () -> new RepresentationAggregator(today, calculator, releaseThreshold, publishInterval, backlog),
                RepresentationTopology.loggedStore(CELL_COUNTS_STORE, InternalSerdes.groupCounts(), Map.of()),
                RepresentationTopology.loggedStore(BENCHMARKS_STORE, benchmarkSerde, Map.of()),
                RevisedPublication.publishedStore(PUBLISHED_STORE),
                RepresentationTopology.loggedStore(DATA_QUALITY_STORE, Serdes.Long(), Map.of()),
                RepresentationTopology.loggedStore(RELEASES_STORE, InternalSerdes.release(), Map.of()),
                Settling.waitingStore(UNPUBLISHED_STORE));
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        settling.init(context.getStateStore(UNPUBLISHED_STORE));
        this.cellCounts = context.getStateStore(CELL_COUNTS_STORE);
        this.changedFigures = new ChangedFigures(calculator);
        counts.clear();
        try (KeyValueIterator<String, GroupCounts> all = cellCounts.all()) {
            all.forEachRemaining(entry -> counts.put(CellKey.parse(entry.key), entry.value));
        }
        this.benchmarks = context.getStateStore(BENCHMARKS_STORE);
        this.published = context.getStateStore(PUBLISHED_STORE);
        publishedSignatures.clear();
        try (KeyValueIterator<String, String> all = published.all()) {
            all.forEachRemaining(entry -> publishedSignatures.put(entry.key, entry.value));
        }
        this.dataQuality = context.getStateStore(DATA_QUALITY_STORE);
        this.releaseStore = context.getStateStore(RELEASES_STORE);
        try (KeyValueIterator<String, Releases.Release<GroupCounts>> all = releaseStore.all()) {
            all.forEachRemaining(entry -> releases.restore(CellKey.parse(entry.key), entry.value));
        }
        releasedTotals.clear();
        settling.restored(CELLS, context.currentSystemTimeMs()); // every start publishes what changed meanwhile
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, now -> publishChanges());
    }

    @Override
    public void process(Record<String, Input> record) {
        if (record.value() instanceof CountChange countChange) {
            LiveCountChange change = countChange.change();
            change.contributors().forEach((key, contributors) -> {
                Releases.Release<GroupCounts> noted = releases.changed(key, contributors);
                if (noted != null) {
                    releaseStore.put(key.id(), noted);
                }
            });
            change.cells().forEach((key, delta) -> {
                countsChanged.add(key);
                GroupCounts updated = counts.getOrDefault(key, GroupCounts.empty()).plus(delta);
                if (updated.isEmpty()) {
                    counts.remove(key);
                    cellCounts.delete(key.id());
                } else {
                    counts.put(key, updated);
                    cellCounts.put(key.id(), updated);
                }
            });
            add(UNEXPLAINED_EVENTS, change.unexplainedEvents());
            add(EMPLOYEES_WITH_UNEXPLAINED, change.employeesWithUnexplained());
            if (change.isEmpty()) {
                // events were evaluated and changed nothing: a backlog still being read, nothing to publish
                settle(record.timestamp());
            } else {
                changed(record.timestamp());
            }
        } else if (record.value() instanceof DeadLettered deadLettered) {
            add(DEAD_LETTERS + deadLettered.letter().getReason().name(), 1);
            changed(record.timestamp());
        } else if (record.value() instanceof BenchmarkChange benchmarkChange && record.key() != null) {
            if (benchmarkChange.share() == null) {
                benchmarks.delete(record.key());
            } else {
                benchmarks.put(record.key(), benchmarkChange.share());
            }
            changed(record.timestamp());
        }
    }

    private void changed(long eventTimeMs) {
        dirty = true;
        settle(eventTimeMs);
    }

    private void settle(long eventTimeMs) {
        // Until a first table is released, every change is part of the first computation (SPEC §9): it is published
        // complete, once read, as a backlog is, not cell by cell as the first events arrive (the cells released
        // first would then hold back the rest of a first load posted live).
        if (releases.anyReleased()) {
            settling.changed(CELLS, context.currentSystemTimeMs(), eventTimeMs);
        } else {
            settling.changedInFirstComputation(CELLS, context.currentSystemTimeMs(), eventTimeMs);
        }
    }

    private void add(String key, long delta) {
        if (delta != 0) {
            dataQuality.put(key, Objects.requireNonNullElse(dataQuality.get(key), 0L) + delta);
        }
    }

    /** Publishes the figures that differ from what was last published; tombstones for cells that are gone. */
    void publishChanges() {
        long now = context.currentSystemTimeMs();
        if (!settling.due(CELLS, now)) {
            return;
        }
        settling.published(CELLS); // also a backlog read without a change: nothing waits any more
        if (!dirty) {
            return;
        }
        dirty = false;
        List<Benchmark> shares = new ArrayList<>();
        try (KeyValueIterator<String, BenchmarkShare> all = benchmarks.all()) {
            all.forEachRemaining(entry -> shares.add(benchmark(entry.value)));
        }
        LocalDate asOf = today.get();
        long timestamp = context.currentSystemTimeMs();
        Releases.Decision decision = releases.release(counts, asOf);
        decision.updated().forEach((key, release) -> {
            if (release == null) {
                releaseStore.delete(key.id());
                releasedTotals.remove(key);
            } else {
                releaseStore.put(key.id(), release);
            }
        });
        ChangedFigures.Changes changes = changedFigures.since(decision.releasedCounts(), new Benchmarks(shares),
                asOf);
        Set<String> computed = new HashSet<>();
        for (CellFigures figures : changes.figures()) {
            CellKey key = new CellKey(figures.scope(), figures.tier());
            if (changes.complete()) {
                computed.add(figures.cellId());
            }
            if (figures.group() == Group.TOTAL) {
                releasedTotals.put(key, figures);
                countsChanged.add(key);
            } else {
                publish(figures.releasedOn(decision.published().get(key).on()), timestamp);
            }
        }
        for (CellKey key : countsChanged) {
            CellFigures total = releasedTotals.get(key);
            GroupCounts current = counts.get(key);
            if (total != null && current != null && current.headcount() > 0) {
                publish(total.withHeadcount(current.headcount(), asOf), timestamp);
            }
        }
        countsChanged.clear();
        Set<String> gone = new LinkedHashSet<>();
        if (changes.complete()) {
            for (String id : publishedSignatures.keySet()) {
                if (!computed.contains(id) && !id.equals(DATA_QUALITY_KEY)) {
                    gone.add(id);
                }
            }
        }
        for (CellKey key : changes.gone()) {
            for (Group group : Group.values()) {
                String id = CellFigures.cellId(key, group);
                if (publishedSignatures.containsKey(id)) {
                    gone.add(id);
                }
            }
        }
        for (String id : gone) {
            markPublished(id, null);
            context.forward(new Record<>(id, null, timestamp));
        }
        Map<String, Long> deadLetters = new TreeMap<>();
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters.put(reason.name(), Objects.requireNonNullElse(dataQuality.get(DEAD_LETTERS + reason.name()), 0L));
        }
        DataQuality quality = new DataQuality(asOf, Objects.requireNonNullElse(dataQuality.get(UNEXPLAINED_EVENTS), 0L),
                Objects.requireNonNullElse(dataQuality.get(EMPLOYEES_WITH_UNEXPLAINED), 0L), deadLetters);
        String signature = quality.getUnexplainedEvents() + "/" + quality.getEmployeesWithUnexplainedEvents() + "/"
                + deadLetters;
        if (!signature.equals(publishedSignatures.get(DATA_QUALITY_KEY))) {
            markPublished(DATA_QUALITY_KEY, signature);
            context.forward(new Record<>(DATA_QUALITY_KEY, quality, timestamp));
        }
    }

    private void publish(CellFigures figures, long timestamp) {
        String id = figures.cellId();
        String signature = FiguresRecords.signature(figures);
        if (!signature.equals(publishedSignatures.get(id))) {
            markPublished(id, signature);
            context.forward(new Record<>(id, FiguresRecords.toAvro(figures), timestamp));
        }
    }

    private void markPublished(String id, String signature) {
        if (signature == null) {
            published.delete(id);
            publishedSignatures.remove(id);
        } else {
            published.put(id, signature);
            publishedSignatures.put(id, signature);
        }
    }

    static Benchmark benchmark(BenchmarkShare share) {
        return new Benchmark(new Scope(share.getScope()), Group.valueOf(share.getGroup()),
                BigDecimal.valueOf(share.getShare()), share.getSource(), share.getYear());
    }
}
