package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.WorkingGroupRole;

/**
 * Every event of one employee, kept in fold order, each eventId once. The state as of any date is the fold of the
 * events effective on or before it (SPEC §4), so arrival order does not matter. A self-identification withdrawal
 * erases the categories of every submission it supersedes from the history itself, not just from the state.
 */
public final class EmployeeHistory {

    private final List<EmployeeEvent> events;

    public EmployeeHistory(List<EmployeeEvent> events) {
        List<EmployeeEvent> sorted = new ArrayList<>(events);
        sorted.sort(EmployeeEvent.FOLD_ORDER);
        this.events = eraseWithdrawn(sorted);
    }

    public static EmployeeHistory empty() {
        return new EmployeeHistory(List.of());
    }

    public List<EmployeeEvent> events() {
        return List.copyOf(events);
    }

    public boolean contains(String eventId) {
        return events.stream().anyMatch(event -> event.eventId().equals(eventId));
    }

    /** The history with the event added; the same history if its eventId is already there (a duplicate). */
    public EmployeeHistory with(EmployeeEvent event) {
        if (contains(event.eventId())) {
            return this;
        }
        List<EmployeeEvent> more = new ArrayList<>(events);
        more.add(event);
        return new EmployeeHistory(more);
    }

    public EmployeeState stateAsOf(LocalDate date) {
        Fold fold = new Fold();
        for (EmployeeEvent event : events) {
            if (event.effectiveDate().isAfter(date)) {
                break;
            }
            fold.apply(event);
        }
        return fold.state();
    }

    /**
     * The state as of each of the dates, from one fold of the history (the flow metrics need the states at every
     * period boundary; folding once instead of once per date keeps an event's cost linear in the history).
     */
    public SortedMap<LocalDate, EmployeeState> statesAsOf(Collection<LocalDate> dates) {
        SortedMap<LocalDate, EmployeeState> states = new TreeMap<>();
        Iterator<LocalDate> pending = new TreeSet<>(dates).iterator();
        LocalDate next = pending.hasNext() ? pending.next() : null;
        Fold fold = new Fold();
        for (EmployeeEvent event : events) {
            while (next != null && event.effectiveDate().isAfter(next)) {
                states.put(next, fold.state());
                next = pending.hasNext() ? pending.next() : null;
            }
            if (next == null) {
                return states;
            }
            fold.apply(event);
        }
        EmployeeState last = fold.state();
        for (; next != null; next = pending.hasNext() ? pending.next() : null) {
            states.put(next, last);
        }
        return states;
    }

    /** SPEC §4's fold, one event at a time. */
    private static final class Fold {

        private Placement placement;
        private SelfIdentification identification = SelfIdentification.NOT_DISCLOSED;
        private final Set<String> menteeOf = new HashSet<>();
        private final Map<String, Boolean> workingGroups = new HashMap<>();
        private int unexplained;

        void apply(EmployeeEvent event) {
            switch (event.kind()) {
                case HIRED -> placement = event.placement();
                case TRANSFERRED, PROMOTED -> {
                    if (placement == null) {
                        unexplained++;
                    } else {
                        placement = event.placement();
                    }
                }
                case SEPARATED -> {
                    if (placement == null) {
                        unexplained++;
                    }
                    placement = null;
                    menteeOf.clear();
                    // leaving the organisation ends every appointment; a rehire is appointed again
                    workingGroups.clear();
                }
                case SELF_ID_SUBMITTED -> identification = event.identification() == null
                        ? SelfIdentification.NOT_DISCLOSED : event.identification();
                case SELF_ID_WITHDRAWN -> identification = SelfIdentification.NOT_DISCLOSED;
                case MENTORSHIP_ENROLLED -> {
                    if (event.role() == MentorshipRole.MENTEE) {
                        menteeOf.add(event.programId());
                    }
                }
                case MENTORSHIP_COMPLETED, MENTORSHIP_WITHDRAWN -> menteeOf.remove(event.programId());
                case COMPETITION_APPLIED, COMPETITION_SHORTLISTED -> {
                    // a stage changes nobody's state; one taken while not active counts nowhere (SPEC §4)
                    if (placement == null) {
                        unexplained++;
                    }
                }
                case WORKING_GROUP_APPOINTED -> workingGroups.put(event.workingGroupId(),
                        event.workingGroupRole() != WorkingGroupRole.MEMBER);
                case WORKING_GROUP_APPOINTMENT_ENDED -> workingGroups.remove(event.workingGroupId());
                default -> throw new IllegalStateException("unhandled " + event.kind());
            }
        }

        EmployeeState state() {
            return new EmployeeState(placement, identification, placement != null && !menteeOf.isEmpty(),
                    unexplained, workingGroups);
        }
    }

    private static List<EmployeeEvent> eraseWithdrawn(List<EmployeeEvent> sorted) {
        int lastWithdrawal = -1;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).kind() == EmployeeEvent.Kind.SELF_ID_WITHDRAWN) {
                lastWithdrawal = i;
            }
        }
        for (int i = 0; i < lastWithdrawal; i++) {
            EmployeeEvent event = sorted.get(i);
            if (event.kind() == EmployeeEvent.Kind.SELF_ID_SUBMITTED && event.identification() != null) {
                sorted.set(i, event.erased());
            }
        }
        return sorted;
    }
}
