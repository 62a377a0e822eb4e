package ca.calgary.representation.metrics.core;

import java.util.Set;

/** The flow counts of one period and (scope, tier): every {@link FlowMeasure} for every group. Mutable. */
public final class FlowCounts {

    private static final int GROUPS = Group.values().length;
    private final long[] counts = new long[FlowMeasure.values().length * GROUPS];

    public long count(FlowMeasure measure, Group group) {
        return counts[measure.ordinal() * GROUPS + group.ordinal()];
    }

    /** Adds ({@code sign} 1) or removes (-1) one person of these groups to a measure. */
    public void add(FlowMeasure measure, Set<Group> groups, int sign) {
        for (Group group : groups) {
            counts[measure.ordinal() * GROUPS + group.ordinal()] += sign;
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
