package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.GoalSetting;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.core.Goal;
import ca.calgary.representation.metrics.core.GoalInputs;
import ca.calgary.representation.metrics.core.GoalProgress;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.Tier;
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

/** The goal topology as the service builds it, fed published figures and goals as the topics carry them. */
class GoalTopologyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final String SCOPE = "UNIT:City/Public Safety";
    private static final String KEY = SCOPE + "|LEADERSHIP|BLACK";

    private InMemoryRegistry registry;
    private TopologyTestDriver driver;
    private final AtomicReference<LocalDate> today = new AtomicReference<>(TODAY);
    private TestInputTopic<String, RepresentationFigures> figures;
    private TestInputTopic<String, FlowFigures> flows;
    private TestInputTopic<String, GoalSetting> goals;
    private TestOutputTopic<String, GoalFigures> published;
    /** What was piped in, as the core reads it. */
    private final Map<String, GoalInputs.PublishedCell> cells = new HashMap<>();
    private final Map<String, GoalInputs.TwelveMonths> months = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        registry = new InMemoryRegistry(1);
        Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        RepresentationTopics topics = new RepresentationTopics(
                new SchemaRegistryClient(new AvroSerdeConfig(serdeConfig)), serdeConfig);
        StreamsBuilder builder = new StreamsBuilder();
        new GoalTopology(topics, today::get, INTERVAL, 4).build(builder);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "goal-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("goal-topology-").toString());
        driver = new TopologyTestDriver(builder.build(), properties);
        StringSerializer keys = new StringSerializer();
        figures = driver.createInputTopic(topics.figuresTopic(), keys, topics.figures().serializer());
        flows = driver.createInputTopic(topics.flowsTopic(), keys, topics.flows().serializer());
        goals = driver.createInputTopic(topics.goalSettingsTopic(), keys, topics.goalSettings().serializer());
        published = driver.createOutputTopic(topics.goalsTopic(), new StringDeserializer(),
                topics.goals().deserializer());
    }

    @AfterEach
    void stop() throws IOException {
        driver.close();
        registry.close();
    }

    /** Everyone per tier (ALL up): today, at start, separations, hires, promotions into, pool. */
    private static final long[][] EVERYONE = {
            {400, 390, 40, 50, -1, -1}, {120, 118, 10, 4, 12, 272}, {40, 39, 4, 1, 5, 79}, {14, 13, 1, 0, 2, 26},
            {4, 4, 0, 0, 1, 9}};
    /** The group per tier. */
    private static final long[][] BLACK = {
            {60, 55, 5, 10, -1, -1}, {12, 11, 1, 1, 2, 44}, {3, 3, 0, 0, 1, 8}, {1, 1, 0, 0, 0, 2},
            {0, 0, 0, 0, 0, 1}};

    private void publishScope(String period, LocalDate end) {
        for (Tier tier : Tier.values()) {
            long[] everyone = EVERYONE[tier.ordinal()];
            long[] black = BLACK[tier.ordinal()];
            cell(tier, Group.TOTAL, everyone[0], everyone[0], null);
            cell(tier, Group.BLACK, everyone[0], black[0], 0.12);
            twelveMonths(period, end, tier, Group.TOTAL, everyone);
            twelveMonths(period, end, tier, Group.BLACK, black);
        }
    }

    private void cell(Tier tier, Group group, long headcount, Long count, Double benchmark) {
        Double representation = count == null ? null : (double) count / headcount;
        figures.pipeInput(SCOPE + "|" + tier + "|" + group, RepresentationFigures.newBuilder().setScope(SCOPE)
                .setTier(tier.name()).setGroup(group.name()).setAsOf(TODAY).setHeadcount(headcount).setCount(count)
                .setSuppressed(count == null).setRepresentation(representation).setBenchmark(benchmark).build());
        cells.put(GoalInputs.key(tier, group), new GoalInputs.PublishedCell(headcount, count, representation,
                benchmark));
    }

    private void twelveMonths(String period, LocalDate end, Tier tier, Group group, long[] counts) {
        Long promotionsInto = counts[4] < 0 ? null : counts[4];
        Long pool = counts[5] < 0 ? null : counts[5];
        flows.pipeInput(period + "|" + SCOPE + "|" + tier + "|" + group, FlowFigures.newBuilder().setPeriod(period)
                .setPeriodKind("ROLLING_12_MONTHS").setPeriodStart(end.minusYears(1).plusDays(1)).setPeriodEnd(end)
                .setComplete(!end.isAfter(today.get())).setRevision(1).setScope(SCOPE).setTier(tier.name())
                .setGroup(group.name()).setHeadcountAtStart(counts[1]).setSeparations(counts[2]).setHires(counts[3])
                .setPromotionsInto(promotionsInto).setPromotionPool(pool).setMentorshipWindowComplete(false).build());
        if (!end.isAfter(today.get())) {
            months.put(GoalInputs.key(tier, group), new GoalInputs.TwelveMonths(period, end, counts[1], counts[3],
                    promotionsInto, pool, counts[2]));
        }
    }

    private void setGoal(String key, GoalSetting setting) {
        goals.pipeInput(key, setting);
    }

    private static GoalSetting goal(Double share) {
        return GoalSetting.newBuilder().setScope(SCOPE).setTier("LEADERSHIP").setGroup("BLACK").setTargetShare(share)
                .setTargetDate(Goal.DEFAULT_TARGET_DATE).setSource("Council 2024").build();
    }

    private List<KeyValue<String, GoalFigures>> publish() {
        driver.advanceWallClockTime(INTERVAL);
        return published.readKeyValuesToList();
    }

    private GoalFigures expected(Goal goal, long revision) {
        return GoalAggregator.toAvro(GoalProgress.of(goal, new GoalInputs(cells, months), today.get()), revision);
    }

    private static Goal coreGoal(String share) {
        return new Goal(new Scope(SCOPE), Tier.LEADERSHIP, Group.BLACK, share == null ? null : new BigDecimal(share),
                Goal.DEFAULT_TARGET_DATE, "Council 2024");
    }

    @Test
    void aGoalIsPublishedFromItsScopesPublishedFigures() {
        publishScope("R12M-2026-Q3", LocalDate.of(2026, 9, 30));
        setGoal(KEY, goal(0.15));

        List<KeyValue<String, GoalFigures>> out = publish();
        assertThat(out).singleElement().satisfies(record -> {
            assertThat(record.key).isEqualTo(KEY);
            assertThat(record.value).isEqualTo(expected(coreGoal("0.15"), 1));
            assertThat(record.value.getPeopleShort()).isEqualTo(6);
            assertThat(record.value.getFlowsPeriod()).isEqualTo("R12M-2026-Q3");
            assertThat(record.value.getProjection()).hasSize(5);
            assertThat(record.value.getVerdict()).isEqualTo("OFF_TRACK");
            assertThat(record.value.getWithheld()).isEmpty();
        });
        assertThat(publish()).as("nothing changed, nothing republished").isEmpty();
    }

    @Test
    void aChangedInputRepublishesUnderTheNextRevisionAndARemovedGoalIsATombstone() {
        publishScope("R12M-2026-Q3", LocalDate.of(2026, 9, 30));
        setGoal(KEY, goal(0.15));
        publish();

        cell(Tier.LEADERSHIP, Group.BLACK, 120, 14L, 0.12);
        assertThat(publish()).singleElement().satisfies(record -> {
            assertThat(record.value.getRevision()).isEqualTo(2);
            assertThat(record.value.getCount()).isEqualTo(14);
            assertThat(record.value).isEqualTo(expected(coreGoal("0.15"), 2));
        });

        setGoal(KEY, null);
        assertThat(publish()).singleElement().satisfies(record -> {
            assertThat(record.key).isEqualTo(KEY);
            assertThat(record.value).isNull();
        });
    }

    @Test
    void withoutAShareTheGoalFollowsTheBenchmark() {
        publishScope("R12M-2026-Q3", LocalDate.of(2026, 9, 30));
        setGoal(KEY, goal(null));
        assertThat(publish()).singleElement().satisfies(record -> {
            assertThat(record.value.getTargetShare()).isEqualTo(0.12);
            assertThat(record.value.getTargetShareFrom()).isEqualTo("BENCHMARK");
        });

        cell(Tier.LEADERSHIP, Group.BLACK, 120, 12L, 0.2);
        assertThat(publish()).singleElement().satisfies(record -> {
            assertThat(record.value.getTargetShare()).isEqualTo(0.2);
            assertThat(record.value.getPeopleShort()).isEqualTo(12);
        });
    }

    /** Only the latest complete 12 months count: a period in progress is not read, an older one changes nothing. */
    @Test
    void theRatesComeFromTheLatestCompleteTwelveMonths() {
        publishScope("R12M-2026-Q3", LocalDate.of(2026, 9, 30));
        setGoal(KEY, goal(0.15));
        GoalFigures first = publish().get(0).value;

        Map<String, GoalInputs.TwelveMonths> latest = new HashMap<>(months);
        publishScope("R12M-2026-Q4", LocalDate.of(2026, 12, 31)); // in progress: not complete
        publishScope("R12M-2026-Q2", LocalDate.of(2026, 6, 30)); // an older period restated
        months.clear();
        months.putAll(latest);
        assertThat(publish()).as("nothing the goal reads changed").isEmpty();
        assertThat(first.getFlowsPeriod()).isEqualTo("R12M-2026-Q3");
    }

    /** A new day moves the projection's steps: every goal is republished with its new date. */
    @Test
    void aNewDayRepublishesEveryGoal() {
        publishScope("R12M-2026-Q3", LocalDate.of(2026, 9, 30));
        setGoal(KEY, goal(0.15));
        publish();

        today.set(TODAY.plusDays(1));
        assertThat(publish()).singleElement().satisfies(record -> {
            assertThat(record.value.getAsOf()).isEqualTo(TODAY.plusDays(1));
            assertThat(record.value.getRevision()).isEqualTo(2);
            assertThat(record.value).isEqualTo(expected(coreGoal("0.15"), 2));
        });
    }

    /** SPEC §9: the goal's tier's count suppressed, nothing derived from it is published. */
    @Test
    void aSuppressedCountIsNeverDerived() {
        publishScope("R12M-2026-Q3", LocalDate.of(2026, 9, 30));
        cell(Tier.LEADERSHIP, Group.BLACK, 120, null, 0.12);
        setGoal(KEY, goal(0.15));
        assertThat(publish()).singleElement().satisfies(record -> {
            assertThat(record.value.getHeadcount()).isEqualTo(120);
            assertThat(record.value.getCount()).isNull();
            assertThat(record.value.getRepresentation()).isNull();
            assertThat(record.value.getPeopleShort()).isNull();
            assertThat(record.value.getRequiredShareOfAppointments()).isNull();
            assertThat(record.value.getVerdict()).isNull();
            assertThat(record.value.getProjection()).isEmpty();
            assertThat(record.value.getWithheld()).singleElement().asString().contains("suppressed");
        });
    }

    /** A record on reference.goals that is not a goal (the API never writes one) is ignored, not fatal. */
    @Test
    void aSettingThatIsNoGoalIsIgnored() {
        publishScope("R12M-2026-Q3", LocalDate.of(2026, 9, 30));
        setGoal(SCOPE + "|LEADERSHIP|TOTAL", GoalSetting.newBuilder(goal(0.15)).setGroup("TOTAL").build());
        setGoal(SCOPE + "|LEADERSHIP|EAST_ASIAN", goal(0.15)); // its key and fields disagree
        setGoal(SCOPE + "|LEADERSHIP|METIS", GoalSetting.newBuilder(goal(1.5)).setGroup("METIS").build());
        assertThat(publish()).isEmpty();
        setGoal(KEY, goal(0.15));
        assertThat(publish()).extracting(record -> record.key).containsExactly(KEY);
    }
}
