package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import ca.calgary.representation.events.Level;
import ca.calgary.representation.metrics.core.GoalInputs.PublishedCell;
import ca.calgary.representation.metrics.core.GoalInputs.TwelveMonths;
import org.junit.jupiter.api.Test;

class GoalProgressTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final String PERIOD = "R12M-2026-Q3";
    private static final Scope SCOPE = Scope.PUBLIC_SAFETY;

    /**
     * A tier's published figures: today's count and the 12 months' flows (headcount at start, separations, hires,
     * promotions into the tier, promotion pool), each null where suppressed.
     */
    private record TierFigures(Long today, Long atStart, Long separations, Long hires, Long promotionsInto,
                               Long pool) {
    }

    private static TierFigures tier(Long today, Long atStart, Long separations, Long hires, Long promotionsInto,
                                    Long pool) {
        return new TierFigures(today, atStart, separations, hires, promotionsInto, pool);
    }

    /** Everyone: ALL 400, LEADERSHIP 120, MANAGEMENT 40, SENIOR_LEADERSHIP 14, EXECUTIVE 4 today. */
    private static final Map<Tier, TierFigures> EVERYONE = Map.of(
            Tier.ALL, tier(400L, 390L, 40L, 50L, null, null),
            Tier.LEADERSHIP, tier(120L, 118L, 10L, 4L, 12L, 272L),
            Tier.MANAGEMENT, tier(40L, 39L, 4L, 1L, 5L, 79L),
            Tier.SENIOR_LEADERSHIP, tier(14L, 13L, 1L, 0L, 2L, 26L),
            Tier.EXECUTIVE, tier(4L, 4L, 0L, 0L, 1L, 9L));

    /** The group: ALL 60, LEADERSHIP 12, MANAGEMENT 3, SENIOR_LEADERSHIP 1, EXECUTIVE 0 today. */
    private static final Map<Tier, TierFigures> GROUP = Map.of(
            Tier.ALL, tier(60L, 55L, 5L, 10L, null, null),
            Tier.LEADERSHIP, tier(12L, 11L, 1L, 1L, 2L, 44L),
            Tier.MANAGEMENT, tier(3L, 3L, 0L, 0L, 1L, 8L),
            Tier.SENIOR_LEADERSHIP, tier(1L, 1L, 0L, 0L, 0L, 2L),
            Tier.EXECUTIVE, tier(0L, 0L, 0L, 0L, 0L, 1L));

    private static GoalInputs inputs(Map<Tier, TierFigures> group, Double benchmark) {
        Map<String, PublishedCell> cells = new HashMap<>();
        Map<String, TwelveMonths> months = new HashMap<>();
        for (Tier tier : Tier.values()) {
            TierFigures everyone = EVERYONE.get(tier);
            TierFigures ours = group.get(tier);
            cells.put(GoalInputs.key(tier, Group.TOTAL), new PublishedCell(everyone.today(), everyone.today(), 1.0,
                    null));
            cells.put(GoalInputs.key(tier, Group.BLACK), new PublishedCell(everyone.today(), ours.today(),
                    ours.today() == null ? null : (double) ours.today() / everyone.today(), benchmark));
            months.put(GoalInputs.key(tier, Group.TOTAL), twelveMonths(everyone));
            months.put(GoalInputs.key(tier, Group.BLACK), twelveMonths(ours));
        }
        return new GoalInputs(cells, months);
    }

    private static TwelveMonths twelveMonths(TierFigures figures) {
        return new TwelveMonths(PERIOD, LocalDate.of(2026, 9, 30), figures.atStart(), figures.hires(),
                figures.promotionsInto(), figures.pool(), figures.separations());
    }

    private static Goal goal(Tier tier, String share) {
        return new Goal(SCOPE, tier, Group.BLACK, share == null ? null : new BigDecimal(share),
                Goal.DEFAULT_TARGET_DATE, "Council 2024");
    }

    private static Map<Tier, TierFigures> groupWith(Tier tier, TierFigures figures) {
        Map<Tier, TierFigures> group = new EnumMap<>(GROUP);
        group.put(tier, figures);
        return group;
    }

    /** Today's figures and what it takes, from the goal's tier; the projection from the levels by hand. */
    @Test
    void aGoalFromEveryPublishedTier() {
        GoalProgress progress = GoalProgress.of(goal(Tier.LEADERSHIP, "0.15"), inputs(GROUP, 0.12), TODAY);

        assertThat(progress.targetShare()).isEqualTo(0.15);
        assertThat(progress.targetShareFrom()).isEqualTo(GoalProgress.TargetFrom.GOAL);
        assertThat(progress.flowsPeriod()).isEqualTo(PERIOD);
        assertThat(progress.headcount()).isEqualTo(120);
        assertThat(progress.count()).isEqualTo(12);
        assertThat(progress.representation()).isEqualTo(0.1);
        assertThat(progress.peopleShort()).as("0.15 × 120 = 18, less 12").isEqualTo(6);
        assertThat(progress.withheld()).isEmpty();
        assertThat(progress.requirement()).isEqualTo(GoalRequirement.of(
                new GoalRequirement.TierFlows(12, 11, 1, 1, 2, 44),
                new GoalRequirement.TierFlows(120, 118, 10, 4, 12, 272), 0.15, TODAY, Goal.DEFAULT_TARGET_DATE));

        // per level: a tier less the next (headcount today, at start, separations, promotions up, hires)
        Map<Level, LevelFlows> group = new EnumMap<>(Level.class);
        group.put(Level.FRONTLINE, new LevelFlows(48, 44, 4, 2, 9));
        group.put(Level.SUPERVISOR, new LevelFlows(9, 8, 1, 1, 1));
        group.put(Level.MANAGER, new LevelFlows(2, 2, 0, 0, 0));
        group.put(Level.DIRECTOR, new LevelFlows(1, 1, 0, 0, 0));
        group.put(Level.EXECUTIVE, new LevelFlows(0, 0, 0, 0, 0));
        Map<Level, LevelFlows> others = new EnumMap<>(Level.class);
        others.put(Level.FRONTLINE, new LevelFlows(232, 228, 26, 10, 37));
        others.put(Level.SUPERVISOR, new LevelFlows(71, 71, 5, 4, 2));
        others.put(Level.MANAGER, new LevelFlows(24, 24, 3, 2, 1));
        others.put(Level.DIRECTOR, new LevelFlows(9, 8, 1, 1, 0));
        others.put(Level.EXECUTIVE, new LevelFlows(4, 4, 0, 0, 0));
        assertThat(progress.projection()).isEqualTo(RepresentationProjection.project(group, others,
                Tier.LEADERSHIP, 0.15, TODAY, Goal.DEFAULT_TARGET_DATE));
    }

    @Test
    void withoutAShareOfItsOwnAGoalAimsAtTheBenchmark() {
        GoalProgress atBenchmark = GoalProgress.of(goal(Tier.LEADERSHIP, null), inputs(GROUP, 0.12), TODAY);
        assertThat(atBenchmark.targetShare()).isEqualTo(0.12);
        assertThat(atBenchmark.targetShareFrom()).isEqualTo(GoalProgress.TargetFrom.BENCHMARK);
        assertThat(atBenchmark.peopleShort()).as("0.12 × 120 = 14.4, so 14, less 12").isEqualTo(2);

        GoalProgress noTarget = GoalProgress.of(goal(Tier.LEADERSHIP, null), inputs(GROUP, null), TODAY);
        assertThat(noTarget.targetShareFrom()).isEqualTo(GoalProgress.TargetFrom.NONE);
        assertThat(noTarget.count()).isEqualTo(12);
        assertThat(noTarget.peopleShort()).isNull();
        assertThat(noTarget.requirement()).isNull();
        assertThat(noTarget.projection()).isNull();
        assertThat(noTarget.withheld()).singleElement().asString().contains("no target share");
    }

    /** SPEC §9: a suppressed count leaves every figure that would need it null, and says so. */
    @Test
    void aSuppressedCountInTheGoalsTierWithholdsEverythingDerivedFromIt() {
        GoalProgress progress = GoalProgress.of(goal(Tier.LEADERSHIP, "0.15"),
                inputs(groupWith(Tier.LEADERSHIP, tier(null, 11L, 1L, 1L, 2L, 44L)), 0.12), TODAY);
        assertThat(progress.headcount()).isEqualTo(120);
        assertThat(progress.count()).isNull();
        assertThat(progress.representation()).isNull();
        assertThat(progress.peopleShort()).isNull();
        assertThat(progress.requirement()).isNull();
        assertThat(progress.projection()).isNull();
        assertThat(progress.withheld()).singleElement().asString()
                .contains("BLACK in LEADERSHIP").contains("suppressed");
    }

    /**
     * The group's 12 months in its goal's tier suppressed, its head counts published: it is taken to move as everyone
     * in the tier does, in proportion to its share of the tier (12 of 120), and the figures say so.
     */
    @Test
    void aGroupWhoseFlowsAreSuppressedIsTakenToMoveAsEveryoneDoes() {
        GoalProgress progress = GoalProgress.of(goal(Tier.LEADERSHIP, "0.15"),
                inputs(groupWith(Tier.LEADERSHIP, tier(12L, 11L, null, 1L, null, 44L)), 0.12), TODAY);
        assertThat(progress.withheld()).isEmpty();
        assertThat(progress.assumptions()).singleElement().asString()
                .contains("flows of BLACK in LEADERSHIP over " + PERIOD + " are suppressed (separations, "
                        + "promotionsInto)").contains("as everyone in LEADERSHIP does");
        double share = 12.0 / 120;
        GoalRequirement.TierFlows asEveryone = new GoalRequirement.TierFlows(12, 118 * share, 10 * share, 4 * share,
                12 * share, 272 * share);
        assertThat(progress.requirement()).isEqualTo(GoalRequirement.of(asEveryone,
                new GoalRequirement.TierFlows(120, 118, 10, 4, 12, 272), 0.15, TODAY, Goal.DEFAULT_TARGET_DATE));

        // the levels around LEADERSHIP take its expected counts: FRONTLINE = ALL less them, SUPERVISOR = them less
        // MANAGEMENT (published), and promotions up from FRONTLINE are LEADERSHIP's expected promotions in
        Map<Level, LevelFlows> group = new EnumMap<>(Level.class);
        group.put(Level.FRONTLINE, new LevelFlows(48, 55 - 118 * share, 5 - 10 * share, 12 * share, 10 - 4 * share));
        group.put(Level.SUPERVISOR, new LevelFlows(9, 118 * share - 3, 10 * share, 1, 4 * share));
        group.put(Level.MANAGER, new LevelFlows(2, 2, 0, 0, 0));
        group.put(Level.DIRECTOR, new LevelFlows(1, 1, 0, 0, 0));
        group.put(Level.EXECUTIVE, new LevelFlows(0, 0, 0, 0, 0));
        Map<Level, LevelFlows> others = new EnumMap<>(Level.class);
        others.put(Level.FRONTLINE, new LevelFlows(232, 335 - (118 - 118 * share), 35 - (10 - 10 * share),
                12 - 12 * share, 40 - (4 - 4 * share)));
        others.put(Level.SUPERVISOR, new LevelFlows(71, 118 - 118 * share - 36, 10 - 10 * share - 4, 4,
                4 - 4 * share - 1));
        others.put(Level.MANAGER, new LevelFlows(24, 24, 3, 2, 1));
        others.put(Level.DIRECTOR, new LevelFlows(9, 8, 1, 1, 0));
        others.put(Level.EXECUTIVE, new LevelFlows(4, 4, 0, 0, 0));
        RepresentationProjection.Projection expected = RepresentationProjection.project(group, others,
                Tier.LEADERSHIP, 0.15, TODAY, Goal.DEFAULT_TARGET_DATE);
        assertThat(progress.projection().series()).hasSameSizeAs(expected.series());
        for (int step = 0; step < expected.series().size(); step++) {
            assertThat(progress.projection().series().get(step).share())
                    .isCloseTo(expected.series().get(step).share(), within(1e-9));
        }
        assertThat(progress.projection().verdict()).isEqualTo(expected.verdict());
    }

    /**
     * The group's senior tiers suppressed above a LEADERSHIP goal: its levels from MANAGER up are projected as one,
     * which keeps the tier whole.
     */
    @Test
    void suppressedTiersAboveTheGoalsAreProjectedAsOneLevel() {
        Map<Tier, TierFigures> group = groupWith(Tier.SENIOR_LEADERSHIP, tier(null, 1L, 0L, 0L, 0L, 2L));
        GoalProgress progress = GoalProgress.of(goal(Tier.LEADERSHIP, "0.15"), inputs(group, 0.12), TODAY);
        assertThat(progress.withheld()).isEmpty();

        Map<Level, LevelFlows> groupLevels = new EnumMap<>(Level.class);
        groupLevels.put(Level.FRONTLINE, new LevelFlows(48, 44, 4, 2, 9));
        groupLevels.put(Level.SUPERVISOR, new LevelFlows(9, 8, 1, 1, 1));
        groupLevels.put(Level.MANAGER, new LevelFlows(3, 3, 0, 0, 0)); // MANAGEMENT whole, nobody promoted out
        Map<Level, LevelFlows> others = new EnumMap<>(Level.class);
        others.put(Level.FRONTLINE, new LevelFlows(232, 228, 26, 10, 37));
        others.put(Level.SUPERVISOR, new LevelFlows(71, 71, 5, 4, 2));
        others.put(Level.MANAGER, new LevelFlows(37, 36, 4, 0, 1));
        assertThat(progress.projection()).isEqualTo(RepresentationProjection.project(groupLevels, others,
                Tier.LEADERSHIP, 0.15, TODAY, Goal.DEFAULT_TARGET_DATE));
    }

    @Test
    void aSuppressedTierBelowTheGoalsWithholdsOnlyTheProjection() {
        GoalProgress progress = GoalProgress.of(goal(Tier.LEADERSHIP, "0.15"),
                inputs(groupWith(Tier.ALL, tier(null, 55L, 5L, 10L, null, null)), 0.12), TODAY);
        assertThat(progress.peopleShort()).isEqualTo(6);
        assertThat(progress.requirement()).isNotNull();
        assertThat(progress.projection()).isNull();
        assertThat(progress.withheld()).singleElement().asString()
                .startsWith("the projection needs the levels below LEADERSHIP: BLACK in ALL is suppressed");
    }

    @Test
    void withoutCompleteTwelveMonthsOnlyTodaysFiguresArePublished() {
        GoalInputs published = inputs(GROUP, 0.12);
        GoalInputs today = new GoalInputs(published.cells(), Map.of());
        GoalProgress progress = GoalProgress.of(goal(Tier.LEADERSHIP, "0.15"), today, TODAY);
        assertThat(progress.peopleShort()).isEqualTo(6);
        assertThat(progress.flowsPeriod()).isNull();
        assertThat(progress.requirement()).isNull();
        assertThat(progress.projection()).isNull();
        assertThat(progress.withheld()).singleElement().asString().contains("no complete rolling 12 months");
    }

    @Test
    void aTargetDateThatHasComeLeavesTodaysFiguresOnly() {
        Goal past = new Goal(SCOPE, Tier.LEADERSHIP, Group.BLACK, new BigDecimal("0.15"), TODAY, "Council 2024");
        GoalProgress progress = GoalProgress.of(past, inputs(GROUP, 0.12), TODAY);
        assertThat(progress.peopleShort()).isEqualTo(6);
        assertThat(progress.projection()).isNull();
        assertThat(progress.withheld()).singleElement().asString().contains("is not after " + TODAY);
    }

    /**
     * Cells arrive one at a time: a group's row (suppressed, or not) can be read before its tier's TOTAL row. Nothing
     * is derived from what is not there yet.
     */
    @Test
    void aGroupsRowBeforeItsTotalsRowGivesNoFigures() {
        Map<String, PublishedCell> cells = new HashMap<>(inputs(GROUP, 0.12).cells());
        cells.remove(GoalInputs.key(Tier.LEADERSHIP, Group.TOTAL));
        cells.put(GoalInputs.key(Tier.MANAGEMENT, Group.BLACK), new PublishedCell(40, null, null, 0.12));
        cells.remove(GoalInputs.key(Tier.MANAGEMENT, Group.TOTAL));
        GoalProgress progress = GoalProgress.of(goal(Tier.LEADERSHIP, "0.15"),
                new GoalInputs(cells, inputs(GROUP, 0.12).twelveMonths()), TODAY);
        assertThat(progress.headcount()).isNull();
        assertThat(progress.peopleShort()).isNull();
        assertThat(progress.requirement()).isNull();
        assertThat(progress.projection()).isNull();

        GoalProgress below = GoalProgress.of(goal(Tier.ALL, "0.15"),
                new GoalInputs(cells, inputs(GROUP, 0.12).twelveMonths()), TODAY);
        assertThat(below.peopleShort()).isNotNull();
        assertThat(below.projection()).as("MANAGEMENT's group count is suppressed: the levels from SUPERVISOR up "
                + "are one").isNotNull();
    }

    @Test
    void anEmptyTierHasNoFiguresToday() {
        GoalProgress progress = GoalProgress.of(goal(Tier.LEADERSHIP, "0.15"),
                new GoalInputs(Map.of(), Map.of()), TODAY);
        assertThat(progress.headcount()).isNull();
        assertThat(progress.peopleShort()).isNull();
        assertThat(progress.withheld()).anySatisfy(reason -> assertThat(reason).contains("no one is in LEADERSHIP"));
    }
}
