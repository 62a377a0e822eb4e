package ca.calgary.representation.alerts.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Alerts rolled up into findings (SPEC §8, "findings"): where the same rule holds for the same group (and measure)
 * in a cell and in cells beneath it, they are one finding headed by the broadest cell where it holds, carrying the
 * cells beneath it. A cell is beneath another when its scope lies within the other's (the organisation holds every
 * scope; a unit holds the units under its path) and its tier within the other's (each tier holds the tiers above
 * it), and they differ. Findings are ranked by priority: the people the head cell is short of its benchmark or of
 * parity, weighted by confidence (see {@link #priority}). Open and resolved alerts never share a finding.
 */
public final class Findings {

    /** Tiers from broadest to narrowest: each holds every tier after it. */
    private static final List<String> TIERS = List.of("ALL", "LEADERSHIP", "MANAGEMENT", "SENIOR_LEADERSHIP",
            "EXECUTIVE");

    /**
     * One finding: its head (the broadest cell where it holds), the cells beneath it (broadest first), its severity
     * (the highest of its cells') and its priority (the head's).
     */
    public record Finding(AlertState head, List<AlertState> beneath, Severity severity, double priority) {

        public Finding {
            beneath = List.copyOf(beneath);
        }

        /** The head's id: a finding opens, updates and resolves with its head. */
        public String id() {
            return head.id();
        }

        /** The head's explanation, and how many cells beneath it hold the same finding. */
        public String explanation() {
            if (beneath.isEmpty()) {
                return head.explanation();
            }
            return head.explanation() + String.format(Locale.ROOT, " The same holds in %d %s beneath it.",
                    beneath.size(), beneath.size() == 1 ? "cell" : "cells");
        }
    }

    private Findings() {
    }

    /** The alerts as findings, highest priority first (ties: the higher severity, then the id). */
    public static List<Finding> of(List<AlertState> alerts) {
        Map<String, List<AlertState>> families = new LinkedHashMap<>();
        for (AlertState alert : alerts) {
            families.computeIfAbsent(alert.rule() + "|" + alert.group() + "|" + alert.measure() + "|" + alert.isOpen(),
                    family -> new ArrayList<>()).add(alert);
        }
        List<Finding> findings = new ArrayList<>();
        for (List<AlertState> family : families.values()) {
            family.sort(BROADEST_FIRST);
            List<AlertState> heads = new ArrayList<>();
            Map<AlertState, List<AlertState>> beneath = new LinkedHashMap<>();
            for (AlertState cell : family) {
                // the broadest head above it takes it: heads are found broadest first, so the first that holds it
                AlertState head = heads.stream().filter(h -> holds(h, cell)).findFirst().orElse(null);
                if (head == null) {
                    heads.add(cell);
                    beneath.put(cell, new ArrayList<>());
                } else {
                    beneath.get(head).add(cell);
                }
            }
            beneath.forEach((head, cells) -> findings.add(new Finding(head, cells,
                    cells.stream().map(AlertState::severity).reduce(head.severity(), Findings::higher),
                    priority(head))));
        }
        findings.sort(Comparator.comparingDouble(Finding::priority).reversed()
                .thenComparing(Finding::severity, Comparator.reverseOrder())
                .thenComparing(Finding::id));
        return findings;
    }

    /**
     * How many people the alert's finding concerns, weighted by confidence:
     * <ul>
     * <li>REPRESENTATION_GAP: the shortfall, (benchmark − representation) × headcount, × (1 − pUnder);</li>
     * <li>ADVERSE_IMPACT: the group's pool × (the reference's rate − the group's): promotions or selections the group
     * would have had at the reference's rate, or, for separation, departures beyond it; × (1 − Fisher p). When the
     * group's rate is 0 its shortfall is not published (only the ratio, 0), and it counts as one person;</li>
     * <li>LOW_RESPONSE: the answers missing to reach the threshold, (0.6 − response rate) × headcount;</li>
     * <li>DECLINE: the fall in points (snapshots carry no headcount: a point counts as one person);</li>
     * <li>GOAL_OFF_TRACK: the people the projection is short of the goal on its target date;</li>
     * <li>WORKING_GROUP_LEADERSHIP: the leaders expected at the benchmark, benchmark × headcount (one without a
     * benchmark), × (1 − pUnder).</li>
     * </ul>
     */
    public static double priority(AlertState alert) {
        Map<String, Double> f = alert.figures();
        double value = switch (alert.rule()) {
            case REPRESENTATION_GAP -> (get(f, "benchmark") - get(f, "representation")) * get(f, "headcount")
                    * (1 - get(f, "pUnder"));
            case ADVERSE_IMPACT -> adverseImpactShortfall(alert.measure(), f) * (1 - get(f, "fisherP"));
            case LOW_RESPONSE -> (alert.thresholds().getOrDefault("responseRateBelow", 0.6) - get(f, "responseRate"))
                    * get(f, "headcount");
            case DECLINE -> get(f, "fallPoints");
            case GOAL_OFF_TRACK -> get(f, "projectedShortfall");
            case WORKING_GROUP_LEADERSHIP -> f.containsKey("benchmark")
                    ? get(f, "benchmark") * get(f, "headcount") * (1 - get(f, "pUnder")) : 1;
        };
        return Double.isFinite(value) ? Math.max(0, value) : 0;
    }

    private static double adverseImpactShortfall(Measure measure, Map<String, Double> f) {
        double pool = get(f, "pool");
        double rate = get(f, "rate");
        double ratio = get(f, "adverseImpactRatio");
        if (measure == Measure.SEPARATION) {
            // the ratio is the reference's rate over the group's
            return pool * rate * (1 - ratio);
        }
        return rate > 0 && ratio > 0 ? pool * rate * (1 / ratio - 1) : 1;
    }

    private static double get(Map<String, Double> figures, String name) {
        Double value = figures.get(name);
        return value == null ? 0 : value;
    }

    /** Whether {@code cell} lies beneath {@code head}: its scope and tier within the head's, and not the head. */
    static boolean holds(AlertState head, AlertState cell) {
        return !(head.scope().equals(cell.scope()) && head.tier().equals(cell.tier()))
                && scopeHolds(head.scope(), cell.scope()) && tierHolds(head.tier(), cell.tier());
    }

    /**
     * The organisation holds every scope but a working group's: a working group is a body of its own, and its
     * LEADERSHIP tier is its chairs and leads, not a level, so its findings stand on their own.
     */
    static boolean scopeHolds(String outer, String inner) {
        if (outer.equals(inner)) {
            return true;
        }
        if ("ORG".equals(outer)) {
            return !inner.startsWith(AlertRules.WORKING_GROUP_SCOPE);
        }
        return outer.startsWith("UNIT:") && inner.startsWith(outer + "/");
    }

    static boolean tierHolds(String outer, String inner) {
        int o = TIERS.indexOf(outer);
        int i = TIERS.indexOf(inner);
        return outer.equals(inner) || o >= 0 && i >= 0 && o <= i;
    }

    /** Broadest first: the organisation, then public safety and service lines, then units by depth; then tier. */
    private static final Comparator<AlertState> BROADEST_FIRST = Comparator
            .comparingInt((AlertState a) -> scopeDepth(a.scope()))
            .thenComparingInt(a -> TIERS.contains(a.tier()) ? TIERS.indexOf(a.tier()) : TIERS.size())
            .thenComparing(AlertState::id);

    private static int scopeDepth(String scope) {
        if ("ORG".equals(scope)) {
            return 0;
        }
        if (scope.startsWith("UNIT:")) {
            return 1 + (int) scope.chars().filter(c -> c == '/').count() + 1;
        }
        return 1;
    }

    private static Severity higher(Severity a, Severity b) {
        return Objects.compare(a, b, Comparator.naturalOrder()) >= 0 ? a : b;
    }
}
