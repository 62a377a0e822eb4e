package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.core.Benchmark;
import ca.calgary.representation.metrics.core.Benchmarks;
import ca.calgary.representation.metrics.core.CellFigures;
import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.CompetitionEntry;
import ca.calgary.representation.metrics.core.CompetitionFigures;
import ca.calgary.representation.metrics.core.CompetitionOpening;
import ca.calgary.representation.metrics.core.Contribution;
import ca.calgary.representation.metrics.core.EmployeeFlows;
import ca.calgary.representation.metrics.core.FlowCalculator;
import ca.calgary.representation.metrics.core.FlowContribution;
import ca.calgary.representation.metrics.core.FlowCounts;
import ca.calgary.representation.metrics.core.FlowFigures;
import ca.calgary.representation.metrics.core.GroupCounts;
import ca.calgary.representation.metrics.core.Period;
import ca.calgary.representation.metrics.core.Quarter;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds the flow counts of every period, the quarter-end head counts and the competition funnels, and publishes what
 * changed (SPEC §7): flow figures, quarter-end snapshots of the representation figures, competition figures. As for
 * the live counts, suppression needs whole tables, so this is one task; its durable state is each employee's flow
 * contribution ({@code aggregated-flows}), from which the counts are derived in memory on start. Every published key
 * keeps a revision: a record that changes after its first publication (a late or backdated event, a benchmark change,
 * a period that ends) is republished with the next revision, so readers can tell a restatement.
 */
final class FlowAggregator implements Processor<String, Object, String, FlowAggregator.Outgoing> {

    /** A record for one of the published topics (a null value is a tombstone). */
    record Outgoing(MetricsTopic topic, SpecificRecordBase value) {
    }

    private static final String FLOWS = "flows|";
    private static final String SNAPSHOTS = "snapshots|";
    private static final String COMPETITIONS = "competitions|";
    /** Separates a published key's revision from its signature; a tombstone keeps its revision, without signature. */
    private static final char REVISION_END = '\t';

    private final Supplier<LocalDate> today;
    private final Set<String> publicSafety;
    private final FlowCalculator flowCalculator;
    private final RepresentationCalculator snapshotCalculator;
    private final CompetitionCalculator competitionCalculator;
    private final Duration publishInterval;
    private final PublishPacer pacer = new PublishPacer();
    private ProcessorContext<String, Outgoing> context;
    private KeyValueStore<String, EmployeeFlows> employeeFlows;
    private KeyValueStore<String, CompetitionOpening> openings;
    private KeyValueStore<String, BenchmarkShare> benchmarks;
    private KeyValueStore<String, String> published;
    private final Map<Period, Map<CellKey, FlowCounts>> flowCounts = new HashMap<>();
    private final Map<Quarter, Map<CellKey, GroupCounts>> quarterEndCounts = new HashMap<>();
    private final Map<String, CompetitionCalculator.Counts> competitionCounts = new HashMap<>();
    private final Set<Period> dirtyPeriods = new TreeSet<>();
    private final Set<Quarter> dirtySnapshots = new TreeSet<>();
    private boolean competitionsDirty = true;
    private Quarter currentQuarter;

    FlowAggregator(Supplier<LocalDate> today, Set<String> publicSafety, FlowCalculator flowCalculator,
                   RepresentationCalculator snapshotCalculator, CompetitionCalculator competitionCalculator,
                   Duration publishInterval) {
        this.today = today;
        this.publicSafety = publicSafety;
        this.flowCalculator = flowCalculator;
        this.snapshotCalculator = snapshotCalculator;
        this.competitionCalculator = competitionCalculator;
        this.publishInterval = publishInterval;
    }

    @Override
    public void init(ProcessorContext<String, Outgoing> context) {
        this.context = context;
        this.employeeFlows = context.getStateStore(RepresentationTopology.AGGREGATED_FLOWS_STORE);
        this.openings = context.getStateStore(RepresentationTopology.COMPETITION_OPENINGS_STORE);
        this.benchmarks = context.getStateStore(RepresentationTopology.FLOW_BENCHMARKS_STORE);
        this.published = context.getStateStore(RepresentationTopology.PUBLISHED_FLOWS_STORE);
        flowCounts.clear();
        quarterEndCounts.clear();
        competitionCounts.clear();
        try (KeyValueIterator<String, EmployeeFlows> all = employeeFlows.all()) {
            all.forEachRemaining(entry -> {
                entry.value.periods().forEach((period, contribution) -> apply(period, contribution, 1));
                entry.value.competitions().forEach((competition, candidate) -> apply(competition, candidate, 1));
            });
        }
        // Everything is compared with what was published before, so a restart republishes nothing unchanged.
        dirtyPeriods.addAll(flowCounts.keySet());
        dirtySnapshots.addAll(quarterEndCounts.keySet());
        competitionsDirty = true;
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, now -> pacer.run(this::publishChanges));
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof EmployeeFlows.Change change) {
            change.periods().forEach((period, delta) -> {
                apply(period, delta.before(), -1);
                apply(period, delta.after(), 1);
            });
            change.competitions().forEach((competition, delta) -> {
                apply(competition, delta.before(), -1);
                apply(competition, delta.after(), 1);
            });
            EmployeeFlows after = change.applyTo(Objects.requireNonNullElse(employeeFlows.get(record.key()),
                    EmployeeFlows.NONE));
            if (after.periods().isEmpty() && after.competitions().isEmpty()) {
                employeeFlows.delete(record.key());
            } else {
                employeeFlows.put(record.key(), after);
            }
        } else if (record.value() instanceof CompetitionOpening opening) {
            if (opening.supersedes(openings.get(opening.competitionId()))) {
                openings.put(opening.competitionId(), opening);
                competitionsDirty = true;
            }
        } else if (record.value() instanceof BenchmarkShare share) {
            benchmarks.put(record.key(), share);
            dirtySnapshots.addAll(quarterEndCounts.keySet());
        } else if (record.value() == null && record.key() != null) {
            benchmarks.delete(record.key());
            dirtySnapshots.addAll(quarterEndCounts.keySet());
        }
    }

    private void apply(Period period, FlowContribution contribution, int sign) {
        if (contribution == null) {
            return;
        }
        Map<CellKey, FlowCounts> table = flowCounts.computeIfAbsent(period, p -> new HashMap<>());
        for (FlowContribution.Increment increment : contribution.increments(publicSafety)) {
            FlowCounts counts = table.computeIfAbsent(increment.key(), key -> new FlowCounts());
            counts.add(increment.measure(), contribution.groups(), sign);
            // Only the cells this contribution touched can have emptied (not the whole period's table).
            if (counts.isEmpty()) {
                table.remove(increment.key());
            }
        }
        dirtyPeriods.add(period);
        Contribution atEnd = contribution.atEndContribution();
        if (period.kind() == Period.Kind.QUARTER && atEnd != null) {
            Map<CellKey, GroupCounts> counts = quarterEndCounts.computeIfAbsent(period.last(), q -> new HashMap<>());
            for (CellKey key : atEnd.cells(publicSafety)) {
                GroupCounts updated = counts.getOrDefault(key, GroupCounts.empty())
                        .plus(atEnd.groups(), atEnd.mentee(), sign);
                if (updated.equals(GroupCounts.empty())) {
                    counts.remove(key);
                } else {
                    counts.put(key, updated);
                }
            }
            dirtySnapshots.add(period.last());
        }
    }

    private void apply(String competition, CompetitionEntry candidate, int sign) {
        if (candidate != null) {
            competitionCounts.computeIfAbsent(competition, c -> new CompetitionCalculator.Counts()).add(candidate, sign);
            competitionsDirty = true;
        }
    }

    /** Publishes every record that differs from what was last published under its key; tombstones for the gone. */
    void publishChanges() {
        LocalDate asOf = today.get();
        Quarter quarter = Quarter.of(asOf);
        if (!quarter.equals(currentQuarter)) {
            // a period that ends is republished as complete; rolling-up competitions reach the new quarter
            currentQuarter = quarter;
            dirtyPeriods.addAll(flowCounts.keySet());
            competitionsDirty = true;
        }
        long timestamp = context.currentSystemTimeMs();
        for (Period period : dirtyPeriods) {
            Map<String, Candidate> records = new HashMap<>();
            for (FlowFigures figures : flowCalculator.figures(period, flowCounts.getOrDefault(period, Map.of()), asOf)) {
                records.put(figures.id(), new Candidate(figures, revision -> FlowRecords.toAvro(figures, revision)));
            }
            publish(MetricsTopic.FLOWS, FLOWS, period.id() + "|", records, timestamp);
        }
        dirtyPeriods.clear();
        Benchmarks shares = null;
        for (Quarter snapshot : dirtySnapshots) {
            if (snapshot.end().isAfter(asOf)) {
                continue; // a quarter's snapshot is taken on its last day
            }
            if (shares == null) {
                shares = benchmarks();
            }
            Map<String, Candidate> records = new HashMap<>();
            for (CellFigures figures : snapshotCalculator.figures(quarterEndCounts.getOrDefault(snapshot, Map.of()),
                    shares, snapshot.end())) {
                records.put(snapshot.id() + "|" + figures.cellId(),
                        new Candidate(figures, revision -> FlowRecords.snapshot(snapshot, figures, revision)));
            }
            publish(MetricsTopic.REPRESENTATION_SNAPSHOTS, SNAPSHOTS, snapshot.id() + "|", records, timestamp);
        }
        dirtySnapshots.removeIf(snapshot -> !snapshot.end().isAfter(asOf));
        if (competitionsDirty) {
            competitionsDirty = false;
            Map<String, CompetitionCalculator.Counts> candidates = new HashMap<>(competitionCounts);
            candidates.values().removeIf(CompetitionCalculator.Counts::isEmpty);
            Map<String, CompetitionOpening> known = new HashMap<>();
            try (KeyValueIterator<String, CompetitionOpening> all = openings.all()) {
                all.forEachRemaining(entry -> known.put(entry.key, entry.value));
            }
            Map<String, Candidate> records = new HashMap<>();
            for (CompetitionFigures figures : competitionCalculator.figures(candidates, known, asOf)) {
                records.put(figures.id(), new Candidate(figures, revision -> FlowRecords.toAvro(figures, revision)));
            }
            publish(MetricsTopic.COMPETITIONS, COMPETITIONS, "", records, timestamp);
        }
    }

    /** Figures to publish: their text is the signature; the Avro record is built only when they changed. */
    private record Candidate(java.lang.Record figures, java.util.function.LongFunction<SpecificRecordBase> atRevision) {
        String signature() {
            return figures.toString();
        }
    }

    /**
     * Publishes the records of one table (all keys starting with {@code keyPrefix}) that changed, with the next
     * revision, and tombstones for keys of the table that are no longer there.
     */
    private void publish(MetricsTopic topic, String storePrefix, String keyPrefix, Map<String, Candidate> records,
                         long timestamp) {
        Map<String, String> before = new HashMap<>();
        try (KeyValueIterator<String, String> previous = published.prefixScan(storePrefix + keyPrefix,
                new StringSerializer())) {
            previous.forEachRemaining((KeyValue<String, String> entry) ->
                    before.put(entry.key.substring(storePrefix.length()), entry.value));
        }
        for (Map.Entry<String, Candidate> entry : new java.util.TreeMap<>(records).entrySet()) {
            String signature = entry.getValue().signature();
            String last = before.get(entry.getKey());
            if (last != null && signature(last).equals(signature)) {
                continue;
            }
            long revision = revision(last) + 1;
            published.put(storePrefix + entry.getKey(), revision + String.valueOf(REVISION_END) + signature);
            context.forward(new Record<>(entry.getKey(),
                    new Outgoing(topic, entry.getValue().atRevision().apply(revision)), timestamp));
        }
        for (Map.Entry<String, String> entry : before.entrySet()) {
            if (!records.containsKey(entry.getKey()) && !signature(entry.getValue()).isEmpty()) {
                published.put(storePrefix + entry.getKey(), revision(entry.getValue()) + String.valueOf(REVISION_END));
                context.forward(new Record<>(entry.getKey(),
                        new Outgoing(topic, null), timestamp));
            }
        }
    }

    private static long revision(String stored) {
        return stored == null ? 0 : Long.parseLong(stored.substring(0, stored.indexOf(REVISION_END)));
    }

    private static String signature(String stored) {
        return stored.substring(stored.indexOf(REVISION_END) + 1);
    }

    private Benchmarks benchmarks() {
        List<Benchmark> shares = new ArrayList<>();
        try (KeyValueIterator<String, BenchmarkShare> all = benchmarks.all()) {
            all.forEachRemaining(entry -> shares.add(RepresentationAggregator.benchmark(entry.value)));
        }
        return new Benchmarks(shares);
    }
}
