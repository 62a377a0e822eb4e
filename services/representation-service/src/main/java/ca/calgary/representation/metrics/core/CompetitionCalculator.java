package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import ca.calgary.representation.metrics.core.CompetitionEntry.Stage;

/**
 * The promotion-competition funnels (SPEC §7): per competition and rolled up per (scope, tier) and period (the
 * competition's target position and the quarter it opened in, and the rolling 12 months that hold that quarter).
 * Counts are protected as SPEC §9 protects head counts: against the stage's total, within each funnel's group
 * families, between a unit and its child units, and between a roll-up and the competitions it adds up.
 */
public final class CompetitionCalculator {

    /** The count of one group at one stage of one funnel. */
    record FunnelCell(String funnel, Stage stage, Group group) {
    }

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
            for (Period period : Period.containing(Quarter.of(opening.opened()))) {
                if (period.last().compareTo(Quarter.of(today)) > 0 || period.last().compareTo(firstQuarter) < 0) {
                    continue;
                }
                for (CellKey key : CellKey.of(opening.target(), publicSafety)) {
                    RollupKey rollup = new RollupKey(period, key);
                    String id = rollup.id();
                    rollupKeys.put(id, rollup);
                    funnels.computeIfAbsent(id, k -> new Counts()).addAll(counts);
                    partsOfRollup.computeIfAbsent(id, k -> new ArrayList<>()).add(funnel);
                }
            }
        });
        Set<FunnelCell> suppressed = suppressed(funnels, rollupKeys, partsOfRollup);
        List<CompetitionFigures> figures = new ArrayList<>();
        funnels.forEach((funnel, counts) -> {
            RollupKey rollup = rollupKeys.get(funnel);
            String competition = rollup == null ? funnel.substring(COMPETITION_PREFIX.length()) : null;
            CompetitionOpening opening = competition == null ? null : openings.get(competition);
            for (Group group : Group.values()) {
                figures.add(figures(funnel, competition, opening, rollup, group, counts, suppressed));
            }
        });
        return figures;
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

    private CompetitionFigures figures(String funnel, String competition, CompetitionOpening opening,
                                       RollupKey rollup, Group group, Counts counts, Set<FunnelCell> suppressed) {
        StageCounts published = (stage, g) -> suppressed.contains(new FunnelCell(funnel, stage, g)) ? null
                : counts.count(stage, g);
        List<String> withheld = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (suppressed.contains(new FunnelCell(funnel, stage, group))) {
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

    private Set<FunnelCell> suppressed(Map<String, Counts> funnels, Map<String, RollupKey> rollupKeys,
                                       Map<String, List<String>> partsOfRollup) {
        List<FunnelCell> all = new ArrayList<>();
        List<List<FunnelCell>> families = new ArrayList<>();
        Map<Period, List<CellKey>> keysByPeriod = new TreeMap<>();
        rollupKeys.values().forEach(rollup ->
                keysByPeriod.computeIfAbsent(rollup.period(), p -> new ArrayList<>()).add(rollup.key()));
        // families in key order (Suppression.families): the same counts are always withheld the same way
        Set<String> funnelsInOrder = new TreeSet<>(funnels.keySet());
        Map<String, List<String>> rollupsInOrder = new TreeMap<>();
        partsOfRollup.forEach((rollup, parts) -> rollupsInOrder.put(rollup, parts.stream().sorted().toList()));
        for (Stage stage : Stage.values()) {
            for (String funnel : funnelsInOrder) {
                for (Group group : Group.values()) {
                    all.add(new FunnelCell(funnel, stage, group));
                }
                if (!rollupKeys.containsKey(funnel)) {
                    // a single competition: only its group families (it has no units or tiers of its own)
                    CellKey itself = new CellKey(Scope.ORG, Tier.ALL);
                    families.addAll(Suppression.families(List.of(itself),
                            (key, group) -> new FunnelCell(funnel, stage, group)));
                }
            }
            keysByPeriod.forEach((period, keys) -> families.addAll(Suppression.families(keys,
                    (key, group) -> new FunnelCell(new RollupKey(period, key).id(), stage, group))));
            rollupsInOrder.forEach((rollup, parts) -> {
                for (Group group : Group.values()) {
                    List<FunnelCell> family = new ArrayList<>();
                    family.add(new FunnelCell(rollup, stage, group));
                    parts.forEach(part -> family.add(new FunnelCell(part, stage, group)));
                    families.add(family);
                }
            });
        }
        return SmallCountSuppression.suppressed(new SmallCountSuppression.Table<>() {
            @Override
            public Collection<FunnelCell> cells() {
                return all;
            }

            @Override
            public long count(FunnelCell cell) {
                return funnels.get(cell.funnel()).count(cell.stage(), cell.group());
            }

            @Override
            public long whole(FunnelCell cell) {
                return funnels.get(cell.funnel()).count(cell.stage(), Group.TOTAL);
            }

            @Override
            public boolean alwaysPublished(FunnelCell cell) {
                return cell.group() == Group.TOTAL;
            }
        }, families, minCellSize, Set.of());
    }
}
