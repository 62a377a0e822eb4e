package ca.calgary.representation.simulator;

import java.util.Locale;
import java.util.Map;

/**
 * What the simulated workforce looks like on the last day, by the simulation's own knowledge of who everyone is
 * (the pipeline sees only what was self-identified): for checking the pipeline's figures and for the tool's report.
 *
 * @param activeEmployees    employed on the last day
 * @param headcountByLevel   of them, by level
 * @param equityShareByLevel the share of Indigenous, Black and racialized people at each level
 * @param selfIdentifiedShare the share of active employees with a self-identification on file (answer or not)
 * @param respondents        active employees whose self-identification on file is an answer (SPEC's RESPONDED)
 * @param eventsByType       how many events of each type
 * @param workingGroups      each working group's seats on the last day, by workingGroupId
 */
public record SimulationSummary(int activeEmployees, Map<String, Integer> headcountByLevel,
                                Map<String, Double> equityShareByLevel, double selfIdentifiedShare,
                                int respondents, Map<String, Integer> eventsByType,
                                Map<String, WorkingGroupSeats> workingGroups) {

    /**
     * A working group's seats on the last day: members in all (leaders included, as in its tier ALL), those in a
     * leadership role, and how many of each are Indigenous, Black or racialized (by the simulation's knowledge).
     */
    public record WorkingGroupSeats(String name, int members, int leaders, int equityMembers, int equityLeaders) {
    }

    public String report() {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%,d employees on the last day; %.0f%% have self-identified%n",
                activeEmployees, 100 * selfIdentifiedShare));
        headcountByLevel.forEach((level, count) -> report.append(String.format(Locale.ROOT,
                "  %-10s %,7d   Indigenous, Black and racialized: %4.1f%%%n", level, count,
                100 * equityShareByLevel.get(level))));
        workingGroups.values().forEach(group -> report.append(String.format(Locale.ROOT,
                "  %s: %d members (%d Indigenous, Black or racialized), %d in leadership roles (%d)%n", group.name(),
                group.members(), group.equityMembers(), group.leaders(), group.equityLeaders())));
        report.append("Events:\n");
        eventsByType.forEach((type, count) -> report.append(String.format(Locale.ROOT, "  %-30s %,9d%n", type, count)));
        return report.toString();
    }
}
