package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.FlowCalculator;
import ca.calgary.representation.metrics.core.FlowCounts;
import ca.calgary.representation.metrics.core.Period;
import ca.calgary.representation.metrics.core.Quarter;
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
 * The flow counts of the periods of one partition (SPEC §7: a period's suppression family is self-contained, so
 * periods are spread over partitions), kept per (period, scope, tier) from the coalesced changes of
 * {@link EmployeeFlowsProcessor}, and published when they changed: every figure of a changed period, with its
 * suppression, under a revision that grows on every restatement, once its changes have settled ({@link Settling}).
 * When a quarter begins every period is looked at again (a period that ends is republished as complete); nothing
 * unchanged is republished, after a restart either.
 */
final class FlowPeriodAggregator implements Processor<String, Map<CellKey, FlowCounts>, String, FlowFigures> {

    static final String COUNTS_STORE = "flow-counts";
    /** Each period of this partition: whether it changed since it was last published. */
    static final String PERIODS_STORE = "flow-periods";
    static final String PUBLISHED_STORE = "published-flow-figures";
    /** The tables read but not published yet ({@link Settling}); queryable, not logged. */
    static final String UNPUBLISHED_STORE = "flow-periods-unpublished";
    static final String CHANGED = "changed";
    static final String PUBLISHED = "published";

    private final Supplier<LocalDate> today;
    private final FlowCalculator calculator;
    private final Duration publishInterval;
    private final Settling settling;
    private ProcessorContext<String, FlowFigures> context;
    private KeyValueStore<String, FlowCounts> counts;
    private KeyValueStore<String, String> periods;
    private RevisedPublication<FlowFigures> publication;
    private Quarter currentQuarter;
    /** Periods still to look at since the quarter began, whether changed or not. */
    private final Set<String> sweep = new HashSet<>();
    /** Whether the last publication stopped at its budget with due periods left. */
    private boolean unfinished;

    FlowPeriodAggregator(Supplier<LocalDate> today, FlowCalculator calculator, Duration publishInterval,
                         Backlog backlog) {
        this.today = today;
        this.calculator = calculator;
        this.publishInterval = publishInterval;
        this.settling = new Settling(backlog);
    }

    static ProcessorSupplier<String, Map<CellKey, FlowCounts>, String, FlowFigures> supplier(
            Supplier<LocalDate> today, FlowCalculator calculator, Duration publishInterval, Backlog backlog) {
        return StoreOwningSupplier.of(
                () -> new FlowPeriodAggregator(today, calculator, publishInterval, backlog),
                RepresentationTopology.loggedStore(COUNTS_STORE, InternalSerdes.flowCounts(), Map.of()),
                RepresentationTopology.loggedStore(PERIODS_STORE, Serdes.String(), Map.of()),
                RevisedPublication.publishedStore(PUBLISHED_STORE),
                Settling.waitingStore(UNPUBLISHED_STORE));
    }

    @Override
    public void init(ProcessorContext<String, FlowFigures> context) {
        this.context = context;
        settling.init(context.getStateStore(UNPUBLISHED_STORE));
        this.counts = context.getStateStore(COUNTS_STORE);
        this.periods = context.getStateStore(PERIODS_STORE);
        // the first publication after a start looks at every period (a quarter may have ended meanwhile)
        try (KeyValueIterator<String, String> all = periods.all()) {
            all.forEachRemaining(entry -> settling.restored(entry.key, context.currentSystemTimeMs()));
        }
        this.publication = new RevisedPublication<>(context.getStateStore(PUBLISHED_STORE), (key, figures) ->
                context.forward(new Record<>(key, figures, context.currentSystemTimeMs())));
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, now -> publishChanges());
        // the rest of a sliced publication, or tables whose backlog has just been read: not at the next interval
        context.schedule(RevisedPublication.SLICE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {
            if (unfinished || settling.backlogReadSinceWaiting(now)) {
                publishChanges();
            }
        });
    }

    @Override
    public void process(Record<String, Map<CellKey, FlowCounts>> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        String period = record.key();
        record.value().forEach((cell, change) -> {
            String key = period + "|" + cell.id();
            FlowCounts stored = counts.get(key);
            FlowCounts updated = stored == null ? new FlowCounts() : stored;
            updated.addAll(change);
            if (updated.isEmpty()) {
                counts.delete(key);
            } else {
                counts.put(key, updated);
            }
        });
        periods.put(period, CHANGED);
        settling.changed(period, context.currentSystemTimeMs(), record.timestamp());
    }

    private void publishChanges() {
        LocalDate asOf = today.get();
        Quarter quarter = Quarter.of(asOf);
        List<KeyValue<String, String>> known = new ArrayList<>();
        try (KeyValueIterator<String, String> all = periods.all()) {
            all.forEachRemaining(known::add);
        }
        // When a quarter begins (and on start) every period is looked at: one that ended is now complete.
        if (!quarter.equals(currentQuarter)) {
            currentQuarter = quarter;
            known.forEach(entry -> sweep.add(entry.key));
        }
        int budget = RevisedPublication.SLICE_RECORDS;
        unfinished = false;
        for (KeyValue<String, String> entry : known) {
            // a changed period waits for its changes to settle, swept or not (a sweep at the start of a first load
            // published half-loaded periods); a swept period without changes may have just been completed
            if (CHANGED.equals(entry.value) ? settling.due(entry.key, context.currentSystemTimeMs())
                    : sweep.contains(entry.key)) {
                if (budget <= 0) {
                    unfinished = true;
                    return;
                }
                budget -= publish(Period.parse(entry.key), asOf);
                sweep.remove(entry.key);
            }
        }
    }

    /** Returns how many records it sent. */
    private int publish(Period period, LocalDate asOf) {
        String prefix = period.id() + "|";
        Map<CellKey, FlowCounts> table = RevisedPublication.cells(counts, period.id());
        Map<String, RevisedPublication.Candidate<FlowFigures>> records = new HashMap<>();
        for (var figures : calculator.figures(period, table, asOf)) {
            records.put(figures.id(), new RevisedPublication.Candidate<>(figures,
                    revision -> FlowRecords.toAvro(figures, revision)));
        }
        int sent = publication.publish(prefix, records);
        settling.published(period.id());
        if (table.isEmpty()) {
            periods.delete(period.id());
        } else {
            periods.put(period.id(), PUBLISHED);
        }
        return sent;
    }
}
