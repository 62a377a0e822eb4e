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
import ca.calgary.representation.metrics.core.Releases;
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
 *
 * <p>Figures follow the release rule (SPEC §9, {@link Releases}), as the live figures do: a (period, scope, tier) is
 * published from the counts of its last release, every figure of it (TOTAL's too: a flow total is not a head count,
 * and rates and comparisons combine it with the groups'), until at least the release threshold of employees have
 * changed in it since; the changes name them by digest, at most the threshold per (period, scope, tier). So neither
 * the period in progress nor a restatement of an ended one isolates one person's hire, promotion, separation or
 * enrolment. Complementary suppression runs over the released counts of the whole period.
 */
final class FlowPeriodAggregator implements Processor<String, FlowCountChange.PeriodChange, String, FlowFigures> {

    static final String COUNTS_STORE = "flow-counts";
    /** Each period of this partition: whether it changed since it was last published, or was never published. */
    static final String PERIODS_STORE = "flow-periods";
    static final String PUBLISHED_STORE = "published-flow-figures";
    /** The tables read but not published yet ({@link Settling}); queryable, not logged. */
    static final String UNPUBLISHED_STORE = "flow-periods-unpublished";
    /** Each (period, scope, tier)'s last release and who changed in it since ({@link Releases}). */
    static final String RELEASES_STORE = "flow-releases";
    static final String CHANGED = "changed";
    /** Changed and never published: a first computation (SPEC §9), published whole once read. */
    static final String NEW = "new";
    /**
     * Published as a first computation before its backlog was read (it paused, or waited long): its next change is
     * still part of the first computation.
     */
    static final String PARTIAL = "partial";
    static final String PUBLISHED = "published";

    private final Supplier<LocalDate> today;
    private final FlowCalculator calculator;
    private final int releaseThreshold;
    private final Duration publishInterval;
    private final Settling settling;
    private ProcessorContext<String, FlowFigures> context;
    private KeyValueStore<String, FlowCounts> counts;
    private KeyValueStore<String, String> periods;
    private ReleasedTables<FlowCounts> releases;
    private RevisedPublication<FlowFigures> publication;
    private Quarter currentQuarter;
    /** Periods still to look at since the quarter began, whether changed or not. */
    private final Set<String> sweep = new HashSet<>();
    /** Whether the last publication stopped at its budget with due periods left. */
    private boolean unfinished;

    FlowPeriodAggregator(Supplier<LocalDate> today, FlowCalculator calculator, int releaseThreshold,
                         Duration publishInterval, Backlog backlog) {
        this.today = today;
        this.calculator = calculator;
        this.releaseThreshold = releaseThreshold;
        this.publishInterval = publishInterval;
        this.settling = new Settling(backlog);
    }

    static ProcessorSupplier<String, FlowCountChange.PeriodChange, String, FlowFigures> supplier(
            Supplier<LocalDate> today, FlowCalculator calculator, int releaseThreshold, Duration publishInterval,
            Backlog backlog) {
        return StoreOwningSupplier.of(
                () -> new FlowPeriodAggregator(today, calculator, releaseThreshold, publishInterval, backlog),
                RepresentationTopology.loggedStore(COUNTS_STORE, InternalSerdes.flowCounts(), Map.of()),
                RepresentationTopology.loggedStore(PERIODS_STORE, Serdes.String(), Map.of()),
                RepresentationTopology.loggedStore(RELEASES_STORE, InternalSerdes.flowRelease(), Map.of()),
                RevisedPublication.publishedStore(PUBLISHED_STORE),
                Settling.waitingStore(UNPUBLISHED_STORE));
    }

    @Override
    public void init(ProcessorContext<String, FlowFigures> context) {
        this.context = context;
        settling.init(context.getStateStore(UNPUBLISHED_STORE));
        this.counts = context.getStateStore(COUNTS_STORE);
        this.periods = context.getStateStore(PERIODS_STORE);
        this.releases = new ReleasedTables<>(context.getStateStore(RELEASES_STORE), releaseThreshold,
                FlowCounts::hasAnyone);
        // the first publication after a start looks at every period (a quarter may have ended meanwhile)
        try (KeyValueIterator<String, String> all = periods.all()) {
            all.forEachRemaining(entry -> {
                if (firstComputation(entry.value)) {
                    settling.restoredInFirstComputation(entry.key, context.currentSystemTimeMs());
                } else {
                    settling.restored(entry.key, context.currentSystemTimeMs());
                }
            });
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
    public void process(Record<String, FlowCountChange.PeriodChange> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        String period = record.key();
        // A period never published is a first computation: everyone in it has changed, so it is released whole, once
        // read (and paused, if posted live), not from its first changes with the rest held back by the release rule;
        // who changed in it need not be noted.
        boolean firstComputation = firstComputation(periods.get(period));
        if (!firstComputation) {
            releases.changed(period, record.value().contributors());
        }
        record.value().cells().forEach((cell, change) -> {
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
        if (firstComputation) {
            periods.put(period, NEW);
            settling.changedInFirstComputation(period, context.currentSystemTimeMs(), record.timestamp());
        } else {
            periods.put(period, CHANGED);
            settling.changed(period, context.currentSystemTimeMs(), record.timestamp());
        }
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
            if (!PUBLISHED.equals(entry.value) ? settling.due(entry.key, context.currentSystemTimeMs())
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

    /** Whether a period in this state is (still) a first computation: never published once its backlog was read. */
    static boolean firstComputation(String state) {
        return state == null || NEW.equals(state) || PARTIAL.equals(state);
    }

    /**
     * Returns how many records it sent. A first computation published before its backlog was read (it paused, or
     * waited long) stays one: its next publication releases everyone again, so the rest of a first load is not held
     * back by the release rule.
     */
    private int publish(Period period, LocalDate asOf) {
        boolean complete = settling.read(period.id());
        boolean firstComputation = firstComputation(periods.get(period.id()));
        String prefix = period.id() + "|";
        Map<CellKey, FlowCounts> table = RevisedPublication.cells(counts, period.id());
        Map<CellKey, Releases.Release<FlowCounts>> released = releases.release(period.id(), table, asOf,
                firstComputation);
        Map<String, RevisedPublication.Candidate<FlowFigures>> records = new HashMap<>();
        for (var figures : calculator.figures(period, ReleasedTables.counts(released), asOf)) {
            LocalDate releasedOn = released.get(new CellKey(figures.scope(), figures.tier())).on();
            records.put(figures.id(), new RevisedPublication.Candidate<>(List.of(figures, releasedOn),
                    revision -> FlowRecords.toAvro(figures, releasedOn, revision)));
        }
        int sent = publication.publish(prefix, records);
        settling.published(period.id());
        if (table.isEmpty()) {
            periods.delete(period.id());
        } else if (complete || !firstComputation) {
            periods.put(period.id(), PUBLISHED);
        } else {
            // published again once read, complete (nothing changed is sent): until then a change is still released
            periods.put(period.id(), PARTIAL);
            settling.restoredInFirstComputation(period.id(), context.currentSystemTimeMs());
        }
        return sent;
    }
}
