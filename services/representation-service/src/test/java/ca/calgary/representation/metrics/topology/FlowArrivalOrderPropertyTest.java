package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.core.Benchmarks;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.CompetitionOpening;
import ca.calgary.representation.metrics.core.EmployeeEvents;
import ca.calgary.representation.metrics.core.EmployeeFlows;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import ca.calgary.representation.metrics.core.FlowCalculator;
import ca.calgary.representation.metrics.core.FlowChanges;
import ca.calgary.representation.metrics.core.PlacementCells;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Quarter;
import ca.calgary.representation.metrics.core.ReferenceGroup;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flow metrics (flows, quarter-end snapshots, competition funnels) of random histories with competitions: in
 * shuffled or reversed order (in order is what the golden cases do), published at random points in between (so passes and publications fall between any
 * two events), in passes of a few employees, and across a quarter that begins while they are loaded, the topology publishes exactly what a batch computation of the same histories gives. The batch uses
 * the same core (each employee's flows from the whole history, the calculators); what is checked is the streaming
 * machinery: marks, passes, coalesced count changes, partitioned aggregation, restatement and the quarter's
 * re-evaluation in slices. The release rule is off here (threshold 1: every publication releases what changed), as
 * what is checked is the counting, and so is the day of each release; {@link ReleaseRuleAttackTest} checks the rule.
 */
class FlowArrivalOrderPropertyTest {

    static final RepresentationConfig CONFIG = ArrivalOrderPropertyTest.CONFIG.withReleaseThreshold(1);
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final Quarter FIRST = new Quarter(2022, 1);
    static final ReferenceGroup REFERENCE = new ReferenceGroup(Group.WHITE_ONLY);
    static final String[] STAGES = {"PromotionApplicationSubmitted", "PromotionCandidateShortlisted"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {17})
    void everyArrivalOrderAndPassBoundaryGivesTheBatchFigures(long seed) {
        Random random = new Random(seed);
        List<OutgoingEvent> events = new ArrayList<>(ArrivalOrderPropertyTest.randomHistory(random,
                12 + random.nextInt(8)));
        events.addAll(competitions(random));
        Published reference = batch(events, AS_OF);
        assertThat(reference.flows()).isNotEmpty();
        assertThat(reference.snapshots()).isNotEmpty();
        assertThat(reference.competitions()).isNotEmpty();

        List<OutgoingEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        List<OutgoingEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);

        assertThat(run(shuffled, flowConfig(5), 25, random)).isEqualTo(reference);
        assertThat(run(reversed, flowConfig(2_000), 15, random)).isEqualTo(reference);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7})
    void aQuarterThatBeginsWhileLoadingIsReevaluatedInSlices(long seed) {
        Random random = new Random(seed);
        List<OutgoingEvent> events = new ArrayList<>(ArrivalOrderPropertyTest.randomHistory(random, 14));
        events.addAll(competitions(random));
        LocalDate before = AS_OF.minusDays(1);
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(CONFIG,
                flowConfig(9), before)) {
            events.subList(0, events.size() / 2).forEach(topology::pipe);
            topology.publish();
            topology.setToday(AS_OF.plusDays(1)); // 2025-Q3 begins: every employee's flows gain periods
            events.subList(events.size() / 2, events.size()).forEach(topology::pipe);
            settle(topology, AS_OF.plusDays(1));
            assertThat(published(topology)).isEqualTo(batch(events, AS_OF.plusDays(1)));
        }
    }

    static FlowConfig flowConfig(int employeesPerPass) {
        return new FlowConfig(FIRST, REFERENCE, RepresentationTopologyDriver.PUBLISH_INTERVAL,
                FlowConfig.DEFAULT_PARTITIONS, employeesPerPass);
    }

    /** Pipes the events, publishing after some (one in {@code publishEvery} on average; 0: only at the end). */
    private static Published run(List<OutgoingEvent> events, FlowConfig flows, int publishEvery, Random random) {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(CONFIG,
                flows, AS_OF)) {
            for (OutgoingEvent event : events) {
                topology.pipe(event);
                if (publishEvery > 0 && random.nextInt(publishEvery) == 0) {
                    topology.publish();
                }
            }
            settle(topology, AS_OF);
            return published(topology);
        }
    }

    /** Publishes until no employee is pending and every one was evaluated for today's quarter, then once more. */
    static void settle(RepresentationTopologyDriver topology, LocalDate today) {
        KeyValueStore<String, String> pending =
                topology.flowDriver().getKeyValueStore(EmployeeFlowsProcessor.PENDING_STORE);
        KeyValueStore<String, String> quarter =
                topology.flowDriver().getKeyValueStore(EmployeeFlowsProcessor.QUARTER_STORE);
        for (int round = 0; round < 200; round++) {
            topology.publish();
            boolean anyPending;
            try (KeyValueIterator<String, String> all = pending.all()) {
                anyPending = all.hasNext();
            }
            if (!anyPending && Quarter.of(today).id().equals(quarter.get(EmployeeFlowsProcessor.EVALUATED_QUARTER))) {
                topology.publish();
                return;
            }
        }
        throw new AssertionError("the flow passes never finished");
    }

    static Published published(RepresentationTopologyDriver topology) {
        Map<String, String> flows = new TreeMap<>();
        topology.flows().forEach((key, f) -> flows.put(key, FlowFigures.newBuilder(f).setRevision(0)
                .setReleasedOn(null).build().toString()));
        Map<String, String> snapshots = new TreeMap<>();
        topology.snapshots().forEach((key, s) ->
                snapshots.put(key, RepresentationSnapshot.newBuilder(s).setRevision(0)
                        .setReleasedOn(null).build().toString()));
        Map<String, String> competitions = new TreeMap<>();
        topology.competitions().forEach((key, c) ->
                competitions.put(key, CompetitionFigures.newBuilder(c).setRevision(0)
                        .setReleasedOn(null).build().toString()));
        return new Published(flows, snapshots, competitions);
    }

    /** Every employee's flows from their whole history, summed, and published as one batch would. */
    static Published batch(List<OutgoingEvent> events, LocalDate asOf) {
        Map<String, EmployeeHistory> histories = new HashMap<>();
        Map<String, CompetitionOpening> openings = new HashMap<>();
        for (OutgoingEvent event : events) {
            if (event.value() instanceof PromotionEvent promotion) {
                CompetitionOpening.from(promotion).ifPresent(opening -> openings.merge(opening.competitionId(),
                        opening, (a, b) -> b.supersedes(a) ? b : a));
            }
            EmployeeEvents.from((Object) event.value()).ifPresent(employeeEvent -> histories.merge(event.key(),
                    EmployeeHistory.empty().with(employeeEvent), (history, one) -> history.with(employeeEvent)));
        }
        FlowChanges changes = new FlowChanges(new PlacementCells(CONFIG.publicSafetyServiceLines()), 1);
        histories.forEach((employee, history) -> changes.add(employee, EmployeeFlows.diff(EmployeeFlows.NONE,
                EmployeeFlows.of(history, FIRST, asOf))));
        int k = CONFIG.minCellSize();
        Map<String, String> flows = new TreeMap<>();
        FlowCalculator flowCalculator = new FlowCalculator(k, REFERENCE);
        changes.periods().forEach((period, cells) -> flowCalculator.figures(period, cells, asOf).forEach(f ->
                flows.put(f.id(), FlowRecords.toAvro(f, null, 0).toString())));
        Map<String, String> snapshots = new TreeMap<>();
        RepresentationCalculator snapshotCalculator = new RepresentationCalculator(k);
        changes.quarterEnds().forEach((quarter, cells) -> {
            if (!quarter.end().isAfter(asOf)) {
                snapshotCalculator.figures(cells, Benchmarks.none(), quarter.end()).forEach(f ->
                        snapshots.put(quarter.id() + "|" + f.cellId(), FlowRecords.snapshot(quarter, f, null, 0).toString()));
            }
        });
        Map<String, CompetitionCalculator.Counts> candidates = new HashMap<>(changes.competitions());
        candidates.values().removeIf(CompetitionCalculator.Counts::isEmpty);
        Map<String, String> competitions = new TreeMap<>();
        new CompetitionCalculator(k, REFERENCE, CONFIG.publicSafetyServiceLines(), FIRST)
                .figures(candidates, openings, asOf)
                .forEach(f -> competitions.put(f.id(), FlowRecords.toAvro(f, null, 0).toString()));
        return new Published(flows, snapshots, competitions);
    }

    /** Competitions with openings, applications, shortlistings and promotions of newly hired candidates. */
    static List<OutgoingEvent> competitions(Random random) {
        List<OutgoingEvent> events = new ArrayList<>();
        String[] levels = {"SUPERVISOR", "MANAGER", "DIRECTOR"};
        for (int c = 0; c < 2; c++) {
            String competition = "competition-" + c;
            LocalDate opened = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1000));
            String level = levels[random.nextInt(levels.length)];
            events.add(FlowTopologyTest.opened(competition, opened.toString(), level));
            for (int i = 0; i < 5 + random.nextInt(4); i++) {
                String candidate = "candidate-" + c + "-" + i;
                events.add(FlowTopologyTest.hired(candidate, opened.minusDays(400 + random.nextInt(2000)).toString(),
                        "FRONTLINE"));
                if (random.nextInt(3) > 0) {
                    events.add(FlowTopologyTest.selfIdentified(candidate, opened.minusDays(random.nextInt(300))
                            .toString(), random.nextBoolean() ? "BLACK" : "WHITE"));
                }
                int reached = random.nextInt(3);
                for (int stage = 0; stage <= Math.min(reached, 1); stage++) {
                    events.add(FlowTopologyTest.stage(STAGES[stage], candidate,
                            opened.plusDays(10 + 20L * stage).toString(), competition));
                }
                if (reached == 2) {
                    events.add(FlowTopologyTest.promoted(candidate, opened.plusDays(60).toString(), level,
                            competition));
                }
            }
        }
        return events;
    }

    record Published(Map<String, String> flows, Map<String, String> snapshots, Map<String, String> competitions) {
    }
}
