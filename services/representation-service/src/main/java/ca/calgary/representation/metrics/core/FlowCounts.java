package ca.calgary.representation.metrics.core;

import java.util.Set;

/**
 * The flow counts of one period and (scope, tier): every {@link FlowMeasure} for every group. Mutable. The same type
 * holds a signed change of those counts (several employees' contributions, coalesced).
 */
public final class FlowCounts {

    private static final int GROUPS = Group.values().length;
    /** How many counts there are: one per measure and group. */
    public static final int SIZE = FlowMeasure.values().length * GROUPS;
    private final long[] counts = new long[SIZE];

    public long count(FlowMeasure measure, Group group) {
        return counts[measure.ordinal() * GROUPS + group.ordinal()];
    }

    /** Adds {@code times} people of these groups to a measure (negative: removes them). */
    public void add(FlowMeasure measure, Set<Group> groups, int times) {
        for (Group group : groups) {
            counts[measure.ordinal() * GROUPS + group.ordinal()] += times;
        }
    }

    /** The count at an index from 0 to {@link #SIZE} (measure-major), for compact serialisation. */
    public long at(int index) {
        return counts[index];
    }

    public void addAt(int index, long delta) {
        counts[index] += delta;
    }

    /** Adds another table's counts (a coalesced change) to these. */
    public void addAll(FlowCounts other) {
        for (int i = 0; i < SIZE; i++) {
            counts[i] += other.counts[i];
        }
    }

    public boolean isEmpty() {
        for (long count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether any measure has someone in it (then every group of the (scope, tier) is published). */
    public boolean hasAnyone() {
        for (FlowMeasure measure : FlowMeasure.values()) {
            if (count(measure, Group.TOTAL) != 0) {
                return true;
            }
        }
        return false;
    }
}
