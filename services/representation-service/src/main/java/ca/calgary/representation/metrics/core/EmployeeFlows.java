package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import ca.calgary.representation.events.MentorshipRole;

/**
 * What one employee adds to the flow metrics (SPEC §7): a contribution to every period from the first reported
 * quarter to the one in progress, and an entry for every promotion competition they took part in. Derived from the
 * whole history as of today, so a late or backdated event changes exactly the periods it should (restatement).
 */
public record EmployeeFlows(SortedMap<Period, FlowContribution> periods, SortedMap<String, CompetitionEntry> competitions) {

    public static final EmployeeFlows NONE = new EmployeeFlows(new TreeMap<>(), new TreeMap<>());
    /** How long after an enrolment (or a period start, for non-mentees) a promotion counts for mentorship. */
    public static final int PROMOTION_WINDOW_MONTHS = 24;

    public EmployeeFlows {
        periods = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(periods));
        competitions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(competitions));
    }

    private enum MoveType { HIRE, PROMOTION, SEPARATION, ENROLMENT, COMPLETION }

    private record Move(LocalDate date, MoveType type, Placement from, Placement to) {
    }

    /**
     * @param firstQuarter the first quarter reported (rolling periods ending in it reach a year back)
     * @param today        events after today have not taken effect yet
     */
    public static EmployeeFlows of(EmployeeHistory history, Quarter firstQuarter, LocalDate today) {
        List<EmployeeEvent> events = history.events().stream()
                .filter(event -> !event.effectiveDate().isAfter(today)).toList();
        if (events.isEmpty()) {
            return NONE;
        }
        List<Move> moves = moves(events);
        Quarter from = Quarter.of(events.get(0).effectiveDate());
        if (from.compareTo(firstQuarter) < 0) {
            from = firstQuarter;
        }
        List<Period> reported = new ArrayList<>();
        for (Quarter quarter = from; quarter.compareTo(Quarter.of(today)) <= 0; quarter = quarter.plus(1)) {
            reported.add(Period.quarter(quarter));
            reported.add(Period.rolling12Months(quarter));
        }
        // Every state the periods and competitions need, from one fold of the history.
        List<LocalDate> days = new ArrayList<>();
        for (Period period : reported) {
            days.add(startDay(period));
            days.add(endDay(period, today));
        }
        events.stream().filter(event -> event.competitionId() != null).forEach(event -> days.add(event.effectiveDate()));
        Map<LocalDate, EmployeeState> states = history.statesAsOf(days);
        SortedMap<Period, FlowContribution> periods = new TreeMap<>();
        for (Period period : reported) {
            FlowContribution contribution = contribution(states, moves, period, today);
            if (!contribution.isEmpty()) {
                periods.put(period, contribution);
            }
        }
        return new EmployeeFlows(periods, competitions(states, events));
    }

    private static LocalDate startDay(Period period) {
        return period.start().minusDays(1);
    }

    private static LocalDate endDay(Period period, LocalDate today) {
        return period.end().isAfter(today) ? today : period.end();
    }

    private static List<Move> moves(List<EmployeeEvent> events) {
        List<Move> moves = new ArrayList<>();
        Placement placement = null;
        Set<String> menteeOf = new HashSet<>();
        for (EmployeeEvent event : events) {
            LocalDate date = event.effectiveDate();
            switch (event.kind()) {
                case HIRED -> {
                    if (placement == null) {
                        moves.add(new Move(date, MoveType.HIRE, null, event.placement()));
                    }
                    placement = event.placement();
                }
                case TRANSFERRED -> placement = placement == null ? null : event.placement();
                case PROMOTED -> {
                    if (placement != null) {
                        moves.add(new Move(date, MoveType.PROMOTION, placement, event.placement()));
                        placement = event.placement();
                    }
                }
                case SEPARATED -> {
                    if (placement != null) {
                        moves.add(new Move(date, MoveType.SEPARATION, placement, null));
                    }
                    placement = null;
                    menteeOf.clear();
                }
                case MENTORSHIP_ENROLLED -> {
                    if (event.role() == MentorshipRole.MENTEE && placement != null
                            && menteeOf.add(event.programId())) {
                        moves.add(new Move(date, MoveType.ENROLMENT, null, placement));
                    }
                }
                case MENTORSHIP_COMPLETED -> {
                    if (menteeOf.remove(event.programId()) && placement != null) {
                        moves.add(new Move(date, MoveType.COMPLETION, null, placement));
                    }
                }
                case MENTORSHIP_WITHDRAWN -> menteeOf.remove(event.programId());
                default -> {
                    // self-identification and competition stages move nobody
                }
            }
        }
        return moves;
    }

    private static FlowContribution contribution(Map<LocalDate, EmployeeState> states, List<Move> moves,
                                                 Period period, LocalDate today) {
        LocalDate startDay = startDay(period);
        LocalDate endDay = endDay(period, today);
        EmployeeState atStart = states.get(startDay);
        EmployeeState atEnd = states.get(endDay);
        List<Placement> hires = new ArrayList<>();
        List<FlowContribution.Promotion> promotions = new ArrayList<>();
        List<Placement> separations = new ArrayList<>();
        List<FlowContribution.Enrolment> enrolments = new ArrayList<>();
        List<Placement> completions = new ArrayList<>();
        for (Move move : moves) {
            if (move.date().isBefore(period.start()) || move.date().isAfter(endDay)) {
                continue;
            }
            switch (move.type()) {
                case HIRE -> hires.add(move.to());
                case PROMOTION -> promotions.add(new FlowContribution.Promotion(move.from(), move.to()));
                case SEPARATION -> separations.add(move.from());
                case ENROLMENT -> enrolments.add(new FlowContribution.Enrolment(move.to(),
                        promotedWithinWindow(moves, move.date())));
                case COMPLETION -> completions.add(move.to());
                default -> throw new IllegalStateException("unhandled " + move.type());
            }
        }
        boolean nonMentee = atStart.active() && FlowContribution.belowManagement(atStart.placement())
                && moves.stream().noneMatch(move -> move.type() == MoveType.ENROLMENT
                && !move.date().isAfter(startDay.plusMonths(PROMOTION_WINDOW_MONTHS)));
        return new FlowContribution(atEnd.groups(), atStart.placement(), atEnd.placement(), atEnd.activeMentee(),
                hires, promotions, separations, enrolments, completions, nonMentee,
                nonMentee && promotedWithinWindow(moves, startDay));
    }

    /** Promoted after the day and within {@link #PROMOTION_WINDOW_MONTHS} of it. */
    private static boolean promotedWithinWindow(List<Move> moves, LocalDate day) {
        LocalDate until = day.plusMonths(PROMOTION_WINDOW_MONTHS);
        return moves.stream().anyMatch(move -> move.type() == MoveType.PROMOTION && move.date().isAfter(day)
                && !move.date().isAfter(until));
    }

    /**
     * The furthest stage of each competition the employee took part in, with their groups as of their last step;
     * a step taken while not active counts nowhere (SPEC §4), like every other event of an inactive employee.
     */
    private static SortedMap<String, CompetitionEntry> competitions(Map<LocalDate, EmployeeState> states,
                                                                    List<EmployeeEvent> events) {
        Map<String, CompetitionEntry.Stage> stages = new HashMap<>();
        Map<String, LocalDate> lastStep = new HashMap<>();
        for (EmployeeEvent event : events) {
            if (event.competitionId() == null || !states.get(event.effectiveDate()).active()) {
                continue;
            }
            CompetitionEntry.Stage stage = switch (event.kind()) {
                case COMPETITION_APPLIED -> CompetitionEntry.Stage.APPLIED;
                case COMPETITION_SHORTLISTED -> CompetitionEntry.Stage.SHORTLISTED;
                case PROMOTED -> CompetitionEntry.Stage.PROMOTED;
                default -> null;
            };
            if (stage != null) {
                stages.merge(event.competitionId(), stage, (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
                lastStep.put(event.competitionId(), event.effectiveDate());
            }
        }
        SortedMap<String, CompetitionEntry> entries = new TreeMap<>();
        stages.forEach((competition, stage) -> entries.put(competition,
                new CompetitionEntry(stage, states.get(lastStep.get(competition)).groups())));
        return entries;
    }

    /** The periods and competitions whose contribution differs between the two. */
    public static Change diff(EmployeeFlows before, EmployeeFlows after) {
        return new Change(changed(before.periods, after.periods), changed(before.competitions, after.competitions));
    }

    private static <K extends Comparable<K>, V> Map<K, Delta<V>> changed(Map<K, V> before, Map<K, V> after) {
        Map<K, Delta<V>> changed = new TreeMap<>();
        Set<K> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (K key : keys) {
            V was = before.get(key);
            V now = after.get(key);
            if (!Objects.equals(was, now)) {
                changed.put(key, new Delta<>(was, now));
            }
        }
        return changed;
    }

    /** A value before and after a change; either may be null. */
    public record Delta<T>(T before, T after) {
    }

    /** A change of one employee's flows: the periods and competitions whose contribution changed. */
    public record Change(Map<Period, Delta<FlowContribution>> periods,
                         Map<String, Delta<CompetitionEntry>> competitions) {

        public boolean isEmpty() {
            return periods.isEmpty() && competitions.isEmpty();
        }

        /** The flows after this change, given those before it. */
        public EmployeeFlows applyTo(EmployeeFlows flows) {
            return new EmployeeFlows(applied(flows.periods(), periods), applied(flows.competitions(), competitions));
        }

        private static <K, V> SortedMap<K, V> applied(SortedMap<K, V> values, Map<K, Delta<V>> deltas) {
            SortedMap<K, V> after = new TreeMap<>(values);
            deltas.forEach((key, delta) -> {
                if (delta.after() == null) {
                    after.remove(key);
                } else {
                    after.put(key, delta.after());
                }
            });
            return after;
        }
    }
}
