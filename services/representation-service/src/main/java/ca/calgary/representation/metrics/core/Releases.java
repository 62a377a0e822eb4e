package ca.calgary.representation.metrics.core;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The release rule of SPEC §9 ("Differencing over time"): the group counts of a (scope, tier), and every figure
 * derived from them, change in published output only when at least {@code threshold} employees' contributions to
 * that (scope, tier) have changed since its last release. Until then the (scope, tier) is published from the counts
 * of its last release, with that release's date; its headcount is published as it is now.
 *
 * <p>A (scope, tier) seen for the first time is released at once: on a first computation every contributor has
 * changed (the aggregation publishes a first computation once it is complete, {@link #anyReleased}), and a new
 * cell holds the few people who have just arrived, whose groups suppression withholds (a new cell with k or more
 * people has had k changes). One whose headcount falls to zero is gone at once: every group count is then zero,
 * which the headcount already says.
 *
 * <p>Contributors are told apart by a 64-bit digest of their employee key (a collision can only delay a release).
 * At most {@code threshold} of them are remembered per (scope, tier), so what is kept grows with the cells, not with
 * the workforce. Mutable; not thread-safe.
 */
public final class Releases {

    /**
     * A (scope, tier)'s last release and who changed since: of its live head counts ({@link GroupCounts}), or of a
     * period's flow counts ({@link FlowCounts}).
     *
     * @param counts       the counts released (null: never released; the next publication releases)
     * @param on           the day they were released (null when never)
     * @param changedSince digests of the employees whose contribution changed since, at most the threshold
     */
    public record Release<C>(C counts, LocalDate on, Set<Long> changedSince) {
        public Release {
            changedSince = Set.copyOf(changedSince);
        }

        /** Whether the next publication releases the current counts: never released, or enough have changed. */
        public boolean due(int threshold) {
            return counts == null || changedSince.size() >= threshold;
        }
    }

    /**
     * A release with more employees noted as changed (at most {@code threshold} are kept), or null when nothing new
     * was noted (the threshold is already met, or these employees were noted before). {@code release} null: none yet.
     */
    public static <C> Release<C> noted(Release<C> release, Collection<Long> contributors, int threshold) {
        Set<Long> changed = new LinkedHashSet<>(release == null ? Set.of() : release.changedSince());
        int before = changed.size();
        for (Iterator<Long> each = contributors.iterator(); each.hasNext() && changed.size() < threshold; ) {
            changed.add(each.next());
        }
        if (changed.size() == before && release != null) {
            return null;
        }
        return new Release<>(release == null ? null : release.counts(), release == null ? null : release.on(),
                changed);
    }

    private final int threshold;
    private final Map<CellKey, Release<GroupCounts>> releases = new HashMap<>();
    private boolean released;

    /** @param threshold how many contributors must change before a (scope, tier) is released again (k; 1: always) */
    public Releases(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the release threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** How a contributor is remembered: a digest of the employee key, not the key. */
    public static long contributor(String employeeKey) {
        return UUID.nameUUIDFromBytes(employeeKey.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    /** Whether any (scope, tier) is released: until one is, what comes is a first computation. */
    public boolean anyReleased() {
        return released;
    }

    /** A state read back from a store. */
    public void restore(CellKey key, Release<GroupCounts> release) {
        releases.put(key, release);
        released |= release.counts() != null;
    }

    /**
     * Notes employees whose contribution to the (scope, tier) changed. Returns its updated state (to keep), or null
     * when nothing new was noted (the threshold is already met, or these employees were noted before).
     */
    public Release<GroupCounts> changed(CellKey key, Collection<Long> contributors) {
        Release<GroupCounts> updated = noted(releases.get(key), contributors, threshold);
        if (updated != null) {
            releases.put(key, updated);
        }
        return updated;
    }

    /**
     * What {@link #release} decided: what to publish per (scope, tier), its released counts (what the figures are
     * computed from), and which states changed (null: gone).
     */
    public record Decision(Map<CellKey, Release<GroupCounts>> published, Map<CellKey, GroupCounts> releasedCounts,
                           Map<CellKey, Release<GroupCounts>> updated) {
    }

    /**
     * Releases every (scope, tier) of {@code current} that may be released ({@code today}), forgets those no longer
     * in it, and returns each one's release to publish from.
     */
    public Decision release(Map<CellKey, GroupCounts> current, LocalDate today) {
        Map<CellKey, Release<GroupCounts>> published = new HashMap<>();
        Map<CellKey, GroupCounts> releasedCounts = new HashMap<>();
        Map<CellKey, Release<GroupCounts>> updated = new HashMap<>();
        for (Iterator<Map.Entry<CellKey, Release<GroupCounts>>> entries = releases.entrySet().iterator(); entries.hasNext(); ) {
            CellKey key = entries.next().getKey();
            GroupCounts counts = current.get(key);
            if (counts == null || counts.headcount() <= 0) {
                entries.remove();
                updated.put(key, null);
            }
        }
        current.forEach((key, counts) -> {
            if (counts.headcount() <= 0) {
                return;
            }
            Release<GroupCounts> release = releases.get(key);
            if (release == null || release.due(threshold)) {
                release = new Release<>(counts, today, Set.of());
                releases.put(key, release);
                updated.put(key, release);
            }
            published.put(key, release);
            releasedCounts.put(key, release.counts());
        });
        released = !published.isEmpty();
        return new Decision(published, releasedCounts, updated);
    }
}
