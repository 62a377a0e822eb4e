package ca.calgary.representation.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.alerts.core.AlertRules;
import ca.calgary.representation.alerts.core.AlertThresholds;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.GoalProjectionPoint;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.InMemoryRegistry;
import ca.calgary.representation.serde.SchemaRegistryClient;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert topology in a TopologyTestDriver: published figures in, alert states and transitions out. */
class AlertTopologyTest {

    private InMemoryRegistry registry;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RepresentationFigures> figures;
    private TestInputTopic<String, FlowFigures> flows;
    private TestInputTopic<String, RepresentationSnapshot> snapshots;
    private TestInputTopic<String, GoalFigures> goals;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, AlertTransition> transitions;
    private TestOutputTopic<String, Finding> findings;

    @BeforeEach
    void start() throws IOException {
        registry = new InMemoryRegistry(1);
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        AlertTopics topics = new AlertTopics(new SchemaRegistryClient(new AvroSerdeConfig(config)), config);
        StreamsBuilder builder = new StreamsBuilder();
        new AlertTopology(topics, new AlertRules(AlertThresholds.defaults()), Duration.ofSeconds(2)).build(builder);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("alerts-topology-").toString());
        driver = new TopologyTestDriver(builder.build(), properties);
        StringSerializer keys = new StringSerializer();
        figures = driver.createInputTopic(topics.figuresTopic(), keys, topics.figures().serializer());
        flows = driver.createInputTopic(topics.flowsTopic(), keys, topics.flows().serializer());
        snapshots = driver.createInputTopic(topics.snapshotsTopic(), keys, topics.snapshots().serializer());
        goals = driver.createInputTopic(topics.goalsTopic(), keys, topics.goals().serializer());
        alerts = driver.createOutputTopic(topics.alertsTopic(), new StringDeserializer(), topics.alerts().deserializer());
        transitions = driver.createOutputTopic(topics.transitionsTopic(), new StringDeserializer(),
                topics.transitions().deserializer());
        findings = driver.createOutputTopic(topics.findingsTopic(), new StringDeserializer(),
                topics.findings().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        registry.close();
    }

    static RepresentationFigures cell(String group, long headcount, Long count, Double benchmark, Double index,
                                      Double pUnder, Double responseRate) {
        Double representation = count == null ? null : (double) count / headcount;
        return RepresentationFigures.newBuilder().setScope("PUBLIC_SAFETY").setTier("MANAGEMENT").setGroup(group)
                .setAsOf(LocalDate.of(2024, 6, 30)).setHeadcount(headcount).setCount(count)
                .setSuppressed(count == null).setRepresentation(representation).setBenchmark(benchmark)
                .setRepresentationIndex(index).setPUnder(pUnder).setResponseRate(responseRate).build();
    }

    private void publish(RepresentationFigures f) {
        figures.pipeInput(f.getScope() + "|" + f.getTier() + "|" + f.getGroup(), f);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    @Test
    void aGapOpensOnceWhileTheCellHoversAndResolvesOnce() {
        publish(cell("BLACK", 200, 4L, 0.06, 0.3333, 0.004, 0.9));
        publish(cell("BLACK", 200, 10L, 0.06, 0.8333, 0.2, 0.9)); // between thresholds? p no longer rejects: resolves
        List<KeyValue<String, AlertTransition>> moves = transitions.readKeyValuesToList();
        assertThat(moves).extracting(move -> move.value.getStatus()).containsExactly("OPEN", "RESOLVED");
        assertThat(moves.get(0).key).isEqualTo("REPRESENTATION_GAP|PUBLIC_SAFETY|MANAGEMENT|BLACK");

        publish(cell("BLACK", 200, 4L, 0.06, 0.3333, 0.004, 0.9));
        publish(cell("BLACK", 200, 9L, 0.06, 0.79, 0.01, 0.9));
        publish(cell("BLACK", 200, 10L, 0.06, 0.82, 0.02, 0.9));
        publish(cell("BLACK", 200, 9L, 0.06, 0.79, 0.01, 0.9));
        assertThat(transitions.readValuesToList()).extracting(AlertTransition::getStatus)
                .as("reopened once; hovering around 0.8 moves nothing but severity").containsOnly("OPEN", "UPDATED")
                .startsWith("OPEN");
        Alert latest = last(alerts.readValuesToList());
        assertThat(latest.getFigures()).containsOnlyKeys("representation", "benchmark", "representationIndex",
                "pUnder", "headcount");
        assertThat(latest.getFirstSeen()).isBefore(latest.getLastUpdated());
    }

    @Test
    void aGapInThreeSiblingUnitsAndTheirParentIsOneFindingThatOpensUpdatesAndResolvesAsOne() {
        for (String unit : List.of("UNIT:City/Operations/Water", "UNIT:City/Operations/Roads",
                "UNIT:City/Operations/Parks")) {
            publish(unitCell(unit, 300, 3L, 0.004));
        }
        Map<String, Finding> before = findings.readKeyValuesToMap();
        assertThat(before.values()).as("three siblings: three findings, none holds another").hasSize(3)
                .allSatisfy(finding -> {
                    assertThat(finding.getCells()).isEmpty();
                    assertThat(finding.getChange()).isEqualTo("OPENED");
                    assertThat(finding.getOpenedAt()).isEqualTo(finding.getChangedAt()).isNotNull();
                    assertThat(finding.getResolvedAt()).isNull();
                });

        publish(unitCell("UNIT:City/Operations", 900, 9L, 0.0001));
        Map<String, Finding> after = findings.readKeyValuesToMap();
        String parent = "REPRESENTATION_GAP|UNIT:City/Operations|MANAGEMENT|BLACK";
        assertThat(after).as("the siblings joined their parent's finding").containsOnlyKeys(
                List.of(parent, "REPRESENTATION_GAP|UNIT:City/Operations/Water|MANAGEMENT|BLACK",
                        "REPRESENTATION_GAP|UNIT:City/Operations/Roads|MANAGEMENT|BLACK",
                        "REPRESENTATION_GAP|UNIT:City/Operations/Parks|MANAGEMENT|BLACK"));
        assertThat(after.entrySet()).filteredOn(entry -> !entry.getKey().equals(parent))
                .allSatisfy(joined -> assertThat(joined.getValue()).isNull());
        Finding finding = after.get(parent);
        assertThat(finding.getStatus()).isEqualTo("OPEN");
        assertThat(finding.getChange()).as("new: told as opened").isEqualTo("OPENED");
        assertThat(finding.getHead().getAlertId()).isEqualTo(parent);
        assertThat(finding.getCells()).extracting(Alert::getScope).containsExactly("UNIT:City/Operations/Parks",
                "UNIT:City/Operations/Roads", "UNIT:City/Operations/Water");
        assertThat(finding.getExplanation()).endsWith("The same holds in 3 cells beneath it.");
        // (6% - 1%) of 900 people short, weighted by 1 - p
        assertThat(finding.getPriority()).isCloseTo(0.05 * 900 * 0.9999, org.assertj.core.api.Assertions.within(1e-6));

        // a cell beneath changes: the one finding is restated, nothing else
        publish(unitCell("UNIT:City/Operations/Water", 300, 2L, 0.001));
        List<KeyValue<String, Finding>> restated = findings.readKeyValuesToList();
        assertThat(restated).extracting(record -> record.key).containsExactly(parent);
        assertThat(restated.get(0).value.getOpenedAt()).as("still the finding that opened")
                .isEqualTo(finding.getOpenedAt());

        // a fourth unit beneath: the finding holds in more cells, it worsened (and is still the one that opened)
        publish(unitCell("UNIT:City/Operations/Fleet", 300, 3L, 0.004));
        List<KeyValue<String, Finding>> worse = findings.readKeyValuesToList();
        assertThat(worse).extracting(record -> record.key).containsExactly(parent);
        assertThat(worse.get(0).value.getChange()).isEqualTo("WORSENED");
        assertThat(worse.get(0).value.getCells()).hasSize(4);
        assertThat(worse.get(0).value.getWorsenedAt()).isAfter(finding.getOpenedAt());
        assertThat(worse.get(0).value.getOpenedAt()).isEqualTo(finding.getOpenedAt());

        // the parent clears: its finding resolves, and the siblings head findings of their own again
        publish(unitCell("UNIT:City/Operations", 900, 54L, 0.6));
        Map<String, Finding> resolved = findings.readKeyValuesToMap();
        assertThat(resolved.get(parent).getStatus()).isEqualTo("RESOLVED");
        assertThat(resolved.get(parent).getChange()).isEqualTo("RESOLVED");
        assertThat(resolved.get(parent).getResolvedAt()).isEqualTo(resolved.get(parent).getChangedAt())
                .isAfter(worse.get(0).value.getWorsenedAt());
        assertThat(resolved.get(parent).getOpenedAt()).isEqualTo(finding.getOpenedAt());
        assertThat(resolved.get(parent).getCells()).isEmpty();
        assertThat(resolved).hasSize(5);
        assertThat(resolved.values()).filteredOn(f -> !f.getFindingId().equals(parent))
                .allSatisfy(sibling -> assertThat(sibling.getChange()).as("heads of their own again")
                        .isEqualTo("OPENED"))
                .extracting(Finding::getStatus).isSubsetOf("OPEN", "UPDATED").hasSize(4);
    }

    @Test
    void twoChangesOfAFindingInOneWallClockMillisecondAreTwoChanges() {
        // delivery tells each change once under findingId@changedAt: an opening and a worsening in one poll
        // (Streams hands its records one wall clock) must not share it
        for (String unit : List.of("UNIT:City/Operations/Water", "UNIT:City/Operations/Roads",
                "UNIT:City/Operations/Parks", "UNIT:City/Operations", "UNIT:City/Operations/Fleet")) {
            RepresentationFigures f = unitCell(unit, unit.equals("UNIT:City/Operations") ? 900 : 300,
                    unit.equals("UNIT:City/Operations") ? 9L : 3L, 0.0001);
            figures.pipeInput(f.getScope() + "|" + f.getTier() + "|" + f.getGroup(), f);
        }
        List<Finding> parent = findings.readKeyValuesToList().stream()
                .filter(record -> record.key.equals("REPRESENTATION_GAP|UNIT:City/Operations|MANAGEMENT|BLACK"))
                .map(record -> record.value).toList();
        assertThat(parent).extracting(Finding::getChange).containsExactly("OPENED", "WORSENED");
        assertThat(parent.get(1).getChangedAt()).isAfter(parent.get(0).getChangedAt());
    }

    private static RepresentationFigures unitCell(String scope, long headcount, long count, double pUnder) {
        double representation = (double) count / headcount;
        return RepresentationFigures.newBuilder(cell("BLACK", headcount, count, 0.06, representation / 0.06, pUnder,
                0.9)).setScope(scope).build();
    }

    @Test
    void aSuppressedCellRaisesNothingAndClosesAnOpenAlertAsUnmeasurable() {
        publish(cell("INDIGENOUS", 200, null, 0.05, null, null, 0.9));
        assertThat(transitions.readValuesToList()).isEmpty();

        publish(cell("INDIGENOUS", 104, 0L, 0.08, 0.0, 0.0001, 0.9));
        publish(cell("INDIGENOUS", 308, null, 0.08, null, null, 0.9));
        List<AlertTransition> moves = transitions.readValuesToList();
        assertThat(moves).extracting(AlertTransition::getStatus).containsExactly("OPEN", "RESOLVED");
        Alert closed = moves.get(1).getAlert();
        assertThat(closed.getResolution()).isEqualTo("UNMEASURABLE");
        assertThat(closed.getFigures()).as("no figure that is no longer true").isEmpty();
        assertThat(closed.getExplanation()).contains("can no longer be measured").doesNotContain("104", "0.0%");
        assertThat(last(alerts.readValuesToList()).getStatus()).isEqualTo("RESOLVED");
        for (AlertTransition move : moves) {
            assertThat(move.getAlert().toString()).doesNotContain("\"count\"");
        }
    }

    @Test
    void aCellThatIsGoneClosesItsOpenAlerts() {
        publish(cell("BLACK", 200, 4L, 0.06, 0.3333, 0.004, 0.9));
        figures.pipeInput("PUBLIC_SAFETY|MANAGEMENT|BLACK", null);
        List<AlertTransition> moves = transitions.readValuesToList();
        assertThat(moves).extracting(AlertTransition::getStatus).containsExactly("OPEN", "RESOLVED");
        assertThat(moves.get(1).getAlert().getResolution()).isEqualTo("UNMEASURABLE");
    }

    private static GoalFigures goal(Long shortfall, double projectedShare) {
        LocalDate target = LocalDate.of(2027, 12, 31);
        return GoalFigures.newBuilder().setScope("PUBLIC_SAFETY").setTier("LEADERSHIP").setGroup("BLACK")
                .setAsOf(LocalDate.of(2026, 12, 7)).setRevision(1).setTargetShare(0.15).setTargetShareFrom("GOAL")
                .setTargetDate(target).setSource("Council").setProjectedShortfall(shortfall)
                .setVerdict(shortfall == null ? null : shortfall > 0 ? "OFF_TRACK" : "ON_TRACK")
                .setProjection(List.of(new GoalProjectionPoint(target, projectedShare, projectedShare - 0.02,
                        projectedShare + 0.02, 12.0, 120.0)))
                .build();
    }

    /** SPEC §11: a goal whose projection misses by more than a person opens GOAL_OFF_TRACK; removing it closes it. */
    @Test
    void aGoalOffTrackOpensFromItsProjectionAndClosesWhenTheGoalIsRemoved() {
        String key = "PUBLIC_SAFETY|LEADERSHIP|BLACK";
        goals.pipeInput(key, goal(5L, 0.1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        goals.pipeInput(key, goal(1L, 0.14));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        goals.pipeInput(key, null);
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<KeyValue<String, AlertTransition>> moves = transitions.readKeyValuesToList();
        assertThat(moves.get(0).key).isEqualTo("GOAL_OFF_TRACK|PUBLIC_SAFETY|LEADERSHIP|BLACK");
        assertThat(moves).extracting(move -> move.value.getStatus())
                .as("one person short holds the alert open; the goal removed closes it").containsExactly("OPEN",
                        "UPDATED", "RESOLVED");
        assertThat(findings.readKeyValuesToMap()).containsKey("GOAL_OFF_TRACK|PUBLIC_SAFETY|LEADERSHIP|BLACK");
    }

    @Test
    void aWorkingGroupLeadershipWithoutAnyoneOfTheEquityGroupsRaisesItsOwnAlert() {
        RepresentationFigures noOne = cell("INDIGENOUS_BLACK_RACIALIZED", 12, 0L, 0.35, null, 0.0057, 0.9);
        noOne = RepresentationFigures.newBuilder(noOne).setScope("WORKING_GROUP:OPS").setTier("LEADERSHIP").build();
        publish(noOne);
        List<KeyValue<String, AlertTransition>> moves = transitions.readKeyValuesToList();
        assertThat(moves).extracting(move -> move.key)
                .containsExactly("WORKING_GROUP_LEADERSHIP|WORKING_GROUP:OPS|LEADERSHIP|INDIGENOUS_BLACK_RACIALIZED");
        assertThat(moves.get(0).value.getAlert().getExplanation()).contains("12 leadership roles")
                .contains("working group OPS");

        publish(RepresentationFigures.newBuilder(noOne).setCount(1L).setRepresentation(1 / 12.0).build());
        assertThat(transitions.readValuesToList()).extracting(AlertTransition::getStatus).containsExactly("RESOLVED");
    }

    @Test
    void lowResponseIsRaisedOnTheWholeCell() {
        publish(cell("TOTAL", 120, 120L, null, null, null, 0.4));
        assertThat(transitions.readKeyValuesToList()).extracting(move -> move.key)
                .containsExactly("LOW_RESPONSE|PUBLIC_SAFETY|MANAGEMENT|TOTAL");
    }

    @Test
    void aDeclineAgainstFourQuartersEarlierFromTheSnapshots() {
        for (String[] quarter : new String[][] {{"2023-Q2", "0.08"}, {"2023-Q3", "0.08"}, {"2023-Q4", "0.07"},
                {"2024-Q1", "0.07"}, {"2024-Q2", "0.05"}}) {
            RepresentationFigures f = cell("BLACK", 400, Math.round(400 * Double.parseDouble(quarter[1])), null, null,
                    null, 0.9);
            snapshots.pipeInput(quarter[0] + "|PUBLIC_SAFETY|MANAGEMENT|BLACK",
                    new RepresentationSnapshot(quarter[0], 1L, f, null));
        }
        assertThat(transitions.readValuesToList()).as("evaluated once the snapshots have settled").isEmpty();
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        List<AlertTransition> moves = transitions.readValuesToList();
        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).getAlert().getRule()).isEqualTo("DECLINE");
        assertThat(moves.get(0).getAlert().getFigures().get("fallPoints")).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(moves.get(0).getAlert().getExplanation()).contains("2023-Q2", "2024-Q2");
    }

    @Test
    void aRestatementArrivingQuarterByQuarterRaisesNoPassingDecline() {
        for (String quarter : new String[] {"2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"}) {
            snapshots.pipeInput(quarter + "|PUBLIC_SAFETY|MANAGEMENT|BLACK",
                    new RepresentationSnapshot(quarter, 1L, cell("BLACK", 400, 20L, null, null, null, 0.9), null));
        }
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        // a backdated event restates every quarter from 5% to 8%: the older quarters arrive first
        for (String quarter : new String[] {"2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"}) {
            snapshots.pipeInput(quarter + "|PUBLIC_SAFETY|MANAGEMENT|BLACK",
                    new RepresentationSnapshot(quarter, 2L, cell("BLACK", 400, 32L, null, null, null, 0.9), null));
        }
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(transitions.readValuesToList()).isEmpty();
    }

    @Test
    void adverseImpactInTheLatestCompleteRollingPeriodOnly() {
        flows.pipeInput("R12M-2024-Q2|ORG|LEADERSHIP|BLACK", flow("R12M-2024-Q2", true, 0.4, 0.01));
        flows.pipeInput("2024-Q2|ORG|LEADERSHIP|BLACK", flow("2024-Q2", true, 0.1, 0.001));
        flows.pipeInput("R12M-2024-Q3|ORG|LEADERSHIP|BLACK", flow("R12M-2024-Q3", false, 0.1, 0.001));
        flows.pipeInput("R12M-2024-Q1|ORG|LEADERSHIP|BLACK", flow("R12M-2024-Q1", true, 1.0, 0.9));
        List<AlertTransition> moves = transitions.readValuesToList();
        assertThat(moves).extracting(AlertTransition::getStatus).as("an older period's restatement moves nothing")
                .containsExactly("OPEN");
        assertThat(moves.get(0).getAlert().getRule()).isEqualTo("ADVERSE_IMPACT");
    }

    @Test
    void separationsRaiseARetentionAlertOfTheirOwn() {
        // the group leaves 1.6 times as often as the reference group (ratio published as group / reference)
        flows.pipeInput("R12M-2024-Q2|ORG|LEADERSHIP|BLACK", FlowFigures.newBuilder(flow("R12M-2024-Q2", true, 1.0, 0.6))
                .setHeadcountAtStart(120L).setSeparations(24L).setSeparationRate(0.2)
                .setSeparationReferenceGroup("WHITE_ONLY").setSeparationReferenceHeadcount(900L)
                .setSeparationRateRatio(1.6).setSeparationFisherP(0.02).build());
        List<KeyValue<String, AlertTransition>> moves = transitions.readKeyValuesToList();
        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).key).isEqualTo("ADVERSE_IMPACT|ORG|LEADERSHIP|BLACK|SEPARATION");
        Alert alert = moves.get(0).value.getAlert();
        assertThat(alert.getMeasure()).isEqualTo("SEPARATION");
        assertThat(alert.getFigures()).containsEntry("adverseImpactRatio", 0.625).containsEntry("pool", 120.0)
                .containsEntry("referencePool", 900.0);
        assertThat(alert.getExplanation()).startsWith("Black employees left ORG × LEADERSHIP 1.60 times as often");
    }

    @Test
    void eachStageOfTheCompetitionFunnelIsComparedInTheLatestRollingPeriod() {
        TestInputTopic<String, CompetitionFigures> competitions = driver.createInputTopic(
                MetricsTopic.COMPETITIONS.topicName(), new StringSerializer(), competitionSerde().serializer());
        competitions.pipeInput("R12M-2024-Q2|ORG|LEADERSHIP|BLACK", funnel("R12M-2024-Q2", 0.5, 0.001));
        competitions.pipeInput("competition|c-1|BLACK", CompetitionFigures.newBuilder(funnel("2024-Q2", 0.1, 0.0001))
                .setCompetitionId("c-1").setScope(null).setTier(null).build());
        competitions.pipeInput("R12M-2024-Q1|ORG|LEADERSHIP|BLACK", funnel("R12M-2024-Q1", 1.0, 0.9));
        List<KeyValue<String, AlertTransition>> moves = transitions.readKeyValuesToList();
        assertThat(moves).extracting(move -> move.key).as("a single competition and an older period move nothing")
                .containsExactlyInAnyOrder("ADVERSE_IMPACT|ORG|LEADERSHIP|BLACK|COMPETITION_SHORTLISTING",
                        "ADVERSE_IMPACT|ORG|LEADERSHIP|BLACK|COMPETITION_OVERALL");
        assertThat(moves).extracting(move -> move.value.getAlert().getMeasure())
                .containsExactlyInAnyOrder("COMPETITION_SHORTLISTING", "COMPETITION_OVERALL");

        // the reference's shortlist falls below k: the selection stage cannot be measured, the others still can
        competitions.pipeInput("R12M-2024-Q2|ORG|LEADERSHIP|BLACK", CompetitionFigures.newBuilder(funnel("R12M-2024-Q2", 0.5, 0.001))
                .setOverallAdverseImpactRatio(0.95).setOverallFisherP(0.4).build());
        assertThat(transitions.readValuesToList()).extracting(move -> move.getAlert().getMeasure() + " "
                + move.getAlert().getResolution()).containsExactly("COMPETITION_OVERALL CLEARED");
    }

    private CompetitionFigures funnel(String period, double shortlistRatio, double p) {
        return CompetitionFigures.newBuilder().setPeriod(period).setScope("ORG").setTier("LEADERSHIP")
                .setGroup("BLACK").setRevision(1).setApplicants(100L).setShortlisted(20L).setPromoted(5L)
                .setShortlistRate(0.2).setShortlistReferenceGroup("WHITE_ONLY").setShortlistReferenceBase(400L)
                .setShortlistAdverseImpactRatio(shortlistRatio).setShortlistFisherP(p)
                .setSelectionFromShortlistRate(0.25).setSelectionFromShortlistReferenceGroup("WHITE_ONLY")
                .setSelectionFromShortlistReferenceBase(8L).setSelectionFromShortlistAdverseImpactRatio(0.5)
                .setSelectionFromShortlistFisherP(0.01)
                .setOverallRate(0.05).setOverallReferenceGroup("WHITE_ONLY").setOverallReferenceBase(400L)
                .setOverallAdverseImpactRatio(shortlistRatio).setOverallFisherP(p).build();
    }

    private org.apache.kafka.common.serialization.Serde<CompetitionFigures> competitionSerde() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        return new AlertTopics(new SchemaRegistryClient(new AvroSerdeConfig(config)), config).competitions();
    }

    private static FlowFigures flow(String period, boolean complete, double ratio, double p) {
        boolean rolling = period.startsWith("R12M-");
        return FlowFigures.newBuilder().setPeriod(period).setPeriodKind(rolling ? "ROLLING_12_MONTHS" : "QUARTER")
                .setPeriodStart(LocalDate.of(2023, 7, 1)).setPeriodEnd(LocalDate.of(2024, 6, 30))
                .setComplete(complete).setRevision(1).setScope("ORG").setTier("LEADERSHIP").setGroup("BLACK")
                .setPromotionPool(60L).setPromotionsInto(5L).setPromotionRate(5 / 60.0)
                .setPromotionReferenceGroup("WHITE_ONLY").setPromotionReferencePool(300L)
                .setPromotionAdverseImpactRatio(ratio).setPromotionFisherP(p).setMentorshipWindowComplete(false)
                .build();
    }

    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }
}
