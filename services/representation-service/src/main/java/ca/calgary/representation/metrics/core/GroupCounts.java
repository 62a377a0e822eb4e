package ca.calgary.representation.metrics.core;

import java.util.Arrays;
import java.util.Set;

/**
 * Head counts of every group in one (scope, tier), and active mentees per group. Immutable; updates return new
 * counts, so a state store holds values rather than shared mutable arrays.
 */
public record GroupCounts(long[] counts, long[] mentees) {

    private static final int GROUPS = Group.values().length;

    public static GroupCounts empty() {
        return new GroupCounts(new long[GROUPS], new long[GROUPS]);
    }

    public long count(Group group) {
        return counts[group.ordinal()];
    }

    public long mentees(Group group) {
        return mentees[group.ordinal()];
    }

    public long headcount() {
        return count(Group.TOTAL);
    }

    /** These counts with {@code times} employees of these groups added (negative: removed). */
    public GroupCounts plus(Set<Group> groups, boolean mentee, int times) {
        long[] newCounts = counts.clone();
        long[] newMentees = mentees.clone();
        for (Group group : groups) {
            newCounts[group.ordinal()] += times;
            if (mentee) {
                newMentees[group.ordinal()] += times;
            }
        }
        return new GroupCounts(newCounts, newMentees);
    }

    /** These counts with another table's (a coalesced signed change) added. */
    public GroupCounts plus(GroupCounts other) {
        long[] newCounts = counts.clone();
        long[] newMentees = mentees.clone();
        for (int i = 0; i < GROUPS; i++) {
            newCounts[i] += other.counts[i];
            newMentees[i] += other.mentees[i];
        }
        return new GroupCounts(newCounts, newMentees);
    }

    public boolean isEmpty() {
        return equals(empty());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupCounts that && Arrays.equals(counts, that.counts)
                && Arrays.equals(mentees, that.mentees);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Arrays.hashCode(mentees);
    }

    @Override
    public String toString() {
        return "GroupCounts" + Arrays.toString(counts) + " mentees " + Arrays.toString(mentees);
    }
}
