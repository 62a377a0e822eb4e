package ca.calgary.representation.simulator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A working group or committee of the simulated City: when it was set up, its seats (roles CHAIR, CO_CHAIR, LEAD and
 * MEMBER, SPEC §3), who may hold a leadership role, and how strongly appointments favour Indigenous, Black and
 * racialized staff.
 *
 * @param leadersFrom      the lowest level a chair, co-chair or lead is drawn from
 * @param publicSafetyOnly whether only public-safety staff are appointed
 * @param equityWeight     how many times as likely someone of the equity groups is to be appointed (1: as anyone)
 */
record WorkingGroupPlan(String id, String name, YearMonth established, int chairs, int coChairs, int leads,
                        int members, Level leadersFrom, boolean publicSafetyOnly, double equityWeight) {

    /**
     * The framework's Anti-Hate Working Group (its leadership drawn with the framework's intent: equity-group staff
     * three times as likely), the framework's steering committee (from management), and a large public-safety
     * operations committee whose twelve leads come from directors and up as they are (enough leaders for
     * WORKING_GROUP_LEADERSHIP to be evaluated without naming anyone's self-identification).
     */
    static final List<WorkingGroupPlan> CITY = List.of(
            new WorkingGroupPlan("ANTI-HATE-WG", "Anti-Hate Working Group", YearMonth.of(2023, 6), 1, 2, 2, 18,
                    Level.SUPERVISOR, false, 3),
            new WorkingGroupPlan("ARSF-STEERING", "Anti-Racism Strategic Framework Steering Committee",
                    YearMonth.of(2023, 1), 1, 1, 3, 12, Level.MANAGER, false, 1.5),
            new WorkingGroupPlan("PS-OPERATIONS", "Public Safety Operations Committee", YearMonth.of(2019, 4), 1, 1,
                    10, 20, Level.DIRECTOR, true, 1));

    /** Every seat's role, leadership first. */
    List<String> roles() {
        List<String> roles = new ArrayList<>();
        roles.addAll(Collections.nCopies(chairs, "CHAIR"));
        roles.addAll(Collections.nCopies(coChairs, "CO_CHAIR"));
        roles.addAll(Collections.nCopies(leads, "LEAD"));
        roles.addAll(Collections.nCopies(members, "MEMBER"));
        return roles;
    }

    /** Whether someone at this level in such a unit may hold the role. */
    boolean eligible(String role, Level level, Unit unit) {
        return (!publicSafetyOnly || unit.publicSafety())
                && (role.equals("MEMBER") || level.compareTo(leadersFrom) >= 0);
    }

    double weight(boolean equityGroup) {
        return equityGroup ? equityWeight : 1;
    }
}
