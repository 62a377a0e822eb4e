package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import ca.calgary.representation.metrics.core.CompetitionEntry.Stage;

/**
 * The promotion-competition funnels (SPEC §7): per competition and rolled up per (scope, tier) and period (the
 * competition's target position and the quarter it opened in, and the rolling 12 months that hold that quarter).
 * Counts are protected as SPEC §9 protects head counts: against the stage's total, within each funnel's group
 * families, between a unit and its child units, and between a roll-up and the competitions it adds up.
 */
public final class CompetitionCalculator {

    private static final Stage[] STAGES = Stage.values();

    /** Candidates per stage and group of one competition. */
    public static final class Counts {
        /** How many counts there are: one per stage and group. */
        public static final int SIZE = Stage.values().length * Group.values().length;
        private final long[] counts = new long[SIZE];

        public long count(Stage stage, Group group) {
            return counts[stage.ordinal() * Group.values().length + group.ordinal()];
        }

        /** Adds (1) or removes (-1) a candidate at every stage they reached. */
        public void add(CompetitionEntry entry, int sign) {
            for (Stage stage : Stage.values()) {
                if (entry.reached(stage)) {
                    for (Group group : entry.groups()) {
                        counts[stage.ordinal() * Group.values().length + group.ordinal()] += sign;
                    }
                }
            }
        }

        /** Adds another funnel's counts (a coalesced change) to these. */
        public void addAll(Counts other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
        }

        /** The count at an index from 0 to {@link #SIZE} (stage-major), for compact serialisation. */
        public long at(int index) {
            return counts[index];
        }

        public void addAt(int index, long delta) {
            counts[index] += delta;
        }

        /** Every count zero: a change that changes nothing, or a funnel nobody is in. */
        public boolean isZero() {
            for (long count : counts) {
                if (count != 0) {
                    return false;
                }
            }
            return true;
        }

        public boolean isEmpty() {
            return count(Stage.APPLIED, Group.TOTAL) == 0;
        }
    }

    private final int minCellSize;
    private final ReferenceGroup reference;
    private final Set<String> publicSafety;
    private final Quarter firstQuarter;

    /** @param firstQuarter the first quarter reported: roll-ups cover the same periods as every other flow */
    public CompetitionCalculator(int minCellSize, ReferenceGroup reference, Set<String> publicSafetyServiceLines,
                                 Quarter firstQuarter) {
        this.minCellSize = minCellSize;
        this.reference = reference;
        this.publicSafety = Set.copyOf(publicSafetyServiceLines);
        this.firstQuarter = firstQuarter;
    }

    /**
     * @param competitions the candidates of every competition
     * @param openings     the openings known so far; a competition without one has no period and no roll-up
     * @param today        roll-ups exist for periods up to the one in progress, from the first reported quarter
     */
    public List<CompetitionFigures> figures(Map<String, Counts> competitions, Map<String, CompetitionOpening> openings,
                                            LocalDate today) {
        Map<String, Counts> funnels = new TreeMap<>();
        Map<String, List<String>> partsOfRollup = new HashMap<>();
        Map<String, RollupKey> rollupKeys = new HashMap<>();
        competitions.forEach((competition, counts) -> {
            if (counts.isEmpty()) {
                return;
            }
            String funnel = competitionFunnel(competition);
            funnels.put(funnel, counts);
            CompetitionOpening opening = openings.get(competition);
            if (opening == null) {
                return;
            }
            for (RollupKey rollup : rollups(opening, today)) {
                String id = rollup.id();
                rollupKeys.put(id, rollup);
                funnels.computeIfAbsent(id, k -> new Counts()).addAll(counts);
                partsOfRollup.computeIfAbsent(id, k -> new ArrayList<>()).add(funnel);
            }
        });
        List<String> rows = List.copyOf(funnels.keySet());
        CountNumbering numbering = new CountNumbering(rows.size(), STAGES.length);
        BitSet suppressed = suppressed(rows, funnels, rollupKeys, partsOfRollup, numbering);
        List<CompetitionFigures> figures = new ArrayList<>(rows.size() * Group.values().length);
        for (int row = 0; row < rows.size(); row++) {
            int r = row;
            String funnel = rows.get(row);
            RollupKey rollup = rollupKeys.get(funnel);
            String competition = rollup == null ? funnel.substring(COMPETITION_PREFIX.length()) : null;
            CompetitionOpening opening = competition == null ? null : openings.get(competition);
            for (Group group : Group.values()) {
                figures.add(figures(competition, opening, rollup, group, funnels.get(funnel),
                        (stage, g) -> suppressed.get(numbering.of(r, stage.ordinal(), g))));
            }
        }
        return figures;
    }

    /**
     * The roll-ups a competition adds to ({@code period|scope|tier}): its target's (scope, tier)s in the quarter it
     * opened and the rolling 12 months that hold it, up to the period in progress, from the first reported quarter.
     */
    public List<String> rollupIds(CompetitionOpening opening, LocalDate today) {
        return rollups(opening, today).stream().map(RollupKey::id).toList();
    }

    private List<RollupKey> rollups(CompetitionOpening opening, LocalDate today) {
        List<RollupKey> rollups = new ArrayList<>();
        for (Period period : Period.containing(Quarter.of(opening.opened()))) {
            if (period.last().compareTo(Quarter.of(today)) > 0 || period.last().compareTo(firstQuarter) < 0) {
                continue;
            }
            for (CellKey key : CellKey.of(opening.target(), publicSafety)) {
                rollups.add(new RollupKey(period, key));
            }
        }
        return rollups;
    }

    private static final String COMPETITION_PREFIX = "competition|";

    private static String competitionFunnel(String competition) {
        return COMPETITION_PREFIX + competition;
    }

    private record RollupKey(Period period, CellKey key) {
        String id() {
            return period.id() + "|" + key.id();
        }
    }

    /** Whether a count of the funnel is withheld. */
    private interface Withheld {
        boolean test(Stage stage, Group group);
    }

    private CompetitionFigures figures(String competition, CompetitionOpening opening, RollupKey rollup, Group group,
                                       Counts counts, Withheld suppressed) {
        StageCounts published = (stage, g) -> suppressed.test(stage, g) ? null : counts.count(stage, g);
        List<String> withheld = new ArrayList<>();
        for (Stage stage : STAGES) {
            if (suppressed.test(stage, group)) {
                withheld.add(stage.name());
            }
        }
        Period period = rollup != null ? rollup.period()
                : opening == null ? null : Period.quarter(Quarter.of(opening.opened()));
        return new CompetitionFigures(competition, period, rollup == null ? null : rollup.key().scope(),
                rollup == null ? null : rollup.key().tier(),
                opening == null ? null : opening.target().level().name(), group,
                published.of(Stage.APPLIED, group), published.of(Stage.SHORTLISTED, group),
                published.of(Stage.PROMOTED, group),
                stage(group, published, Stage.SHORTLISTED, Stage.APPLIED),
                stage(group, published, Stage.PROMOTED, Stage.SHORTLISTED),
                stage(group, published, Stage.PROMOTED, Stage.APPLIED), withheld);
    }

    private CompetitionFigures.Stage stage(Group group, StageCounts published, Stage selected, Stage from) {
        RateComparison.Result comparison = RateComparison.compare(group,
                g -> new RateComparison.Counts(published.of(selected, g), published.of(from, g)), reference, true);
        return new CompetitionFigures.Stage(
                RateComparison.rate(new RateComparison.Counts(published.of(selected, group), published.of(from, group))),
                comparison.reference(), comparison.referenceBase(), comparison.ratio(), comparison.fisherP());
    }

    private interface StageCounts {
        Long of(Stage stage, Group group);
    }

    /** The suppressed counts of the funnels (in key order), numbered by {@code numbering}. */
    private BitSet suppressed(List<String> rows, Map<String, Counts> funnels, Map<String, RollupKey> rollupKeys,
                              Map<String, List<String>> partsOfRollup, CountNumbering numbering) {
        Map<String, Integer> rowOf = CountNumbering.rows(rows);
        Map<Period, Map<CellKey, Integer>> rollupsByPeriod = new TreeMap<>();
        rollupKeys.forEach((id, rollup) -> rollupsByPeriod.computeIfAbsent(rollup.period(), p -> new HashMap<>())
                .put(rollup.key(), rowOf.get(id)));
        // families in key order (Suppression.families): the same counts are always withheld the same way
        Map<String, List<String>> rollupsInOrder = new TreeMap<>();
        partsOfRollup.forEach((rollup, parts) -> rollupsInOrder.put(rollup, parts.stream().sorted().toList()));
        CellKey itself = new CellKey(Scope.ORG, Tier.ALL);
        List<int[]> families = new ArrayList<>();
        for (Stage stage : STAGES) {
            for (int row = 0; row < rows.size(); row++) {
                if (!rollupKeys.containsKey(rows.get(row))) {
                    // a single competition: only its group families (it has no units or tiers of its own)
                    int r = row;
                    families.addAll(Suppression.families(List.of(itself),
                            (key, group) -> numbering.of(r, stage.ordinal(), group)));
                }
            }
            rollupsByPeriod.forEach((period, keys) -> families.addAll(Suppression.families(keys.keySet(),
                    (key, group) -> numbering.of(keys.get(key), stage.ordinal(), group))));
            rollupsInOrder.forEach((rollup, parts) -> {
                for (Group group : Group.values()) {
                    int[] family = new int[parts.size() + 1];
                    family[0] = numbering.of(rowOf.get(rollup), stage.ordinal(), group);
                    for (int p = 0; p < parts.size(); p++) {
                        family[p + 1] = numbering.of(rowOf.get(parts.get(p)), stage.ordinal(), group);
                    }
                    families.add(family);
                }
            });
        }
        return SmallCountSuppression.suppressed(numbering.table(
                (row, stage, group) -> funnels.get(rows.get(row)).count(STAGES[stage], group),
                (row, stage, group) -> funnels.get(rows.get(row)).count(STAGES[stage], Group.TOTAL), true),
                families, minCellSize, new BitSet());
    }
}
