package ca.calgary.representation.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Simulates a City-like workforce month by month and writes what its HR systems would publish (SPEC §3):
 * <ul>
 *   <li>staff employed on the first day, hired on their own earlier dates, into a pyramid of levels whose senior
 *       ranks come from older, less diverse cohorts;</li>
 *   <li>separations (more often for Indigenous, Black and racialized staff, and retirements after long service),
 *       lateral transfers within a service line, and growth of about 1% a year;</li>
 *   <li>vacancies filled top-down: mostly by promotion from the level below in the same service line, most of them
 *       through competitions (applications, shortlists, a promotion), where selection favours white candidates and
 *       those who completed mentorship; the rest by external hires; front-line vacancies by hires;</li>
 *   <li>self-identification at onboarding and a first campaign, with realistic non-response and "prefer not to
 *       answer", a yearly re-survey of those who never answered, and rare withdrawals;</li>
 *   <li>two mentorship programmes a year (one open to all front-line and supervisory staff, one for Indigenous,
 *       Black and racialized staff), with mentors from management, completions and withdrawals;</li>
 *   <li>working groups and committees ({@link WorkingGroupPlan}), among them the framework's Anti-Hate Working
 *       Group: appointments of chairs, co-chairs, leads and members, a yearly rotation of about a quarter of the
 *       seats, and every appointment ended when its holder leaves. Drawn from a generator of their own, so the rest
 *       of the history is the same with or without them.</li>
 * </ul>
 * Everything is drawn from one seeded generator in a fixed order, so the same settings give the same events. The
 * events come out in the order of (effectiveDate, recordedAt) with ids that grow in that order.
 */
public final class WorkforceSimulation {

    private static final double GROWTH_PER_YEAR = 0.01;
    private static final double EXTERNAL_SENIOR_HIRES = 0.12;
    private static final double COMPETITIONS = 0.8;
    private static final double TRANSFERS_PER_YEAR = 0.025;
    private static final double WITHDRAWALS_PER_YEAR = 0.002;

    private final SimulationSettings settings;
    private final SplittableRandom random;
    /** Working groups draw from their own generator: adding them left every other simulated event unchanged. */
    private final SplittableRandom workingGroupRandom;
    private final Map<WorkingGroupPlan, Map<Person, String>> seats = new LinkedHashMap<>();
    private final Organisation organisation = Organisation.cityLike();
    private final Map<Unit, Map<Level, Integer>> positions;
    private final List<Person> active = new ArrayList<>();
    private final List<SimulatedEvent> events = new ArrayList<>();
    private final Map<LocalDate, Integer> recordedThatDay = new HashMap<>();
    private int employeeNumber;
    private int competitionNumber;
    private YearMonth month;

    /** One simulated person, who they are and where they stand. */
    private static final class Person {
        final String employeeId;
        final Identity identity;
        final LocalDate hired;
        Unit unit;
        Level level;
        LocalDate levelSince;
        boolean submitted;
        boolean responded;
        LocalDate answersOn;
        boolean answerResponds;
        String programme;
        YearMonth programmeEnds;
        boolean mentee;
        boolean completesProgramme;
        boolean mentored;

        Person(String employeeId, Identity identity, Unit unit, Level level, LocalDate levelSince) {
            this.employeeId = employeeId;
            this.identity = identity;
            this.hired = levelSince;
            this.unit = unit;
            this.level = level;
            this.levelSince = levelSince;
        }
    }

    private WorkforceSimulation(SimulationSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.workingGroupRandom = new SplittableRandom(settings.seed() ^ 0x5EA7ED_C0FFEEL);
        WorkingGroupPlan.CITY.forEach(plan -> seats.put(plan, new LinkedHashMap<>()));
        this.positions = organisation.positions(settings.employees());
    }

    public static Simulation run(SimulationSettings settings) {
        return new WorkforceSimulation(settings).simulate();
    }

    private Simulation simulate() {
        staffOnTheFirstDay();
        YearMonth last = YearMonth.from(settings.endDate());
        for (month = YearMonth.from(settings.startDate()); !month.isAfter(last); month = month.plusMonths(1)) {
            separations(month);
            transfers(month);
            selfIdentificationSurvey(month);
            mentorship(month);
            workingGroups(month);
            fillVacancies(month);
            answersDue(month);
        }
        events.sort(Comparator.comparing(SimulatedEvent::effectiveDate).thenComparing(SimulatedEvent::recordedAt));
        List<SimulatedEvent> numbered = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            SimulatedEvent event = events.get(i);
            numbered.add(new SimulatedEvent(event.type(), settings.runId() + "-" + (i + 1), event.employeeId(),
                    event.effectiveDate(), event.recordedAt(), event.fields()));
        }
        return new Simulation(settings, List.copyOf(numbered), summary());
    }

    // --- the first day ------------------------------------------------------------------------------------------

    private void staffOnTheFirstDay() {
        LocalDate start = settings.startDate();
        for (Map.Entry<Unit, Map<Level, Integer>> unit : positions.entrySet()) {
            for (Level level : Level.values()) {
                for (int i = 0; i < unit.getValue().get(level); i++) {
                    double years = level.minimumTenureYears() + Math.min(30, -6 * Math.log(1 - random.nextDouble()));
                    LocalDate hired = start.minusDays(1 + (long) (years * 365));
                    LocalDate levelSince = start.minusDays(1 + random.nextLong(
                            Math.max(1, Math.min(ChronoUnit.DAYS.between(hired, start), 6 * 365))));
                    // Today's senior staff were promoted under the same bias as now: fewer of them are diverse.
                    double diversity = Demographics.diversity(hired.getYear(), unit.getKey()) * level.diversityFactor();
                    Person person = hire(hired, unit.getKey(), level, Demographics.draw(random, diversity));
                    person.levelSince = levelSince;
                    selfIdentify(person, day(start, start.plusDays(300)), 0.55, 0.07);
                }
            }
        }
    }

    // --- each month -------------------------------------------------------------------------------------------

    private void separations(YearMonth month) {
        for (Person person : List.copyOf(active)) {
            double annual = person.level.annualSeparationRate();
            annual *= person.identity.indigenous() ? 1.4 : person.identity.black() ? 1.35
                    : person.identity.racialized() ? 1.2 : 1.0;
            long tenure = ChronoUnit.YEARS.between(person.hired, month.atDay(1));
            boolean retiring = tenure >= 25;
            if (retiring) {
                annual += 0.10;
            }
            if (random.nextDouble() >= monthly(annual)) {
                continue;
            }
            LocalDate date = dayOf(month, 1, 28);
            if (date == null) {
                continue;
            }
            if (person.programme != null) {
                emit("MentorshipWithdrawn", person, date, Map.of("programId", person.programme));
                person.programme = null;
            }
            String reason;
            if (retiring && random.nextDouble() < 0.7) {
                reason = "RETIREMENT";
            } else {
                double draw = random.nextDouble();
                reason = draw < 0.75 ? "RESIGNATION" : draw < 0.87 ? "TERMINATION" : draw < 0.95 ? "END_OF_TERM"
                        : "OTHER";
            }
            endAppointments(person, date);
            emit("EmployeeSeparated", person, date, Map.of("reason", reason));
            active.remove(person);
        }
    }

    private void transfers(YearMonth month) {
        for (Person person : List.copyOf(active)) {
            if (random.nextDouble() >= monthly(TRANSFERS_PER_YEAR)) {
                continue;
            }
            List<Unit> others = organisation.serviceLine(person.unit.serviceLine()).stream()
                    .filter(unit -> unit != person.unit).toList();
            LocalDate date = dayOf(month, 1, 10);
            if (others.isEmpty() || date == null) {
                continue;
            }
            person.unit = others.get(random.nextInt(others.size()));
            emit("EmployeeTransferred", person, date, Map.of("position", position(person.unit, person.level)));
        }
    }

    /** Each March, those who never answered are asked again; a few who answered withdraw. */
    private void selfIdentificationSurvey(YearMonth month) {
        if (month.getMonthValue() != 3) {
            return;
        }
        for (Person person : List.copyOf(active)) {
            LocalDate date = dayOf(month, 1, 28);
            if (date == null) {
                return;
            }
            if (!person.submitted && person.answersOn == null && random.nextDouble() < 0.08) {
                selfIdentify(person, date, 0.85, 0.15);
            } else if (person.responded && random.nextDouble() < WITHDRAWALS_PER_YEAR) {
                emit("SelfIdentificationWithdrawn", person, date, Map.of());
                person.submitted = false;
                person.responded = false;
            }
        }
    }

    private void mentorship(YearMonth month) {
        for (Person person : List.copyOf(active)) {
            if (person.programme == null) {
                continue;
            }
            if (month.equals(person.programmeEnds)) {
                LocalDate date = dayOf(month, 15, 28);
                if (date != null) {
                    emit(person.completesProgramme ? "MentorshipCompleted" : "MentorshipWithdrawn", person, date,
                            Map.of("programId", person.programme));
                    person.mentored |= person.completesProgramme && person.mentee;
                    person.programme = null;
                }
            }
        }
        if (month.getMonthValue() != 9) {
            return;
        }
        enrol(month, "LEAD-" + month.getYear(), 0.01, person -> person.identity.equityGroup() ? 2 : 1);
        if (month.getYear() > settings.startDate().getYear()) {
            enrol(month, "RISE-" + month.getYear(), 0.03, person -> person.identity.equityGroup() ? 1 : 0);
        }
    }

    private void enrol(YearMonth month, String programme, double share, ToDoubleFunction<Person> weight) {
        List<Person> eligible = active.stream().filter(person -> person.programme == null
                && person.level.compareTo(Level.MANAGER) < 0 && weight.applyAsDouble(person) > 0).toList();
        List<Person> mentees = pick(eligible, (int) Math.round(eligible.size() * share), weight);
        List<Person> mentors = pick(active.stream().filter(person -> person.programme == null
                && person.level.compareTo(Level.MANAGER) >= 0).toList(), (mentees.size() + 2) / 3, person -> 1);
        for (Person person : mentees) {
            join(person, programme, month, "MENTEE", random.nextDouble() < 0.82);
        }
        for (Person person : mentors) {
            join(person, programme, month, "MENTOR", true);
        }
    }

    private void join(Person person, String programme, YearMonth month, String role, boolean completes) {
        LocalDate date = dayOf(month, 1, 10);
        if (date == null) {
            return;
        }
        emit("MentorshipEnrolled", person, date, ordered("programId", programme, "role", role));
        person.programme = programme;
        person.mentee = role.equals("MENTEE");
        person.completesProgramme = completes;
        person.programmeEnds = completes ? month.plusMonths(12) : month.plusMonths(1 + random.nextInt(11));
    }

    /**
     * A working group is set up in the month it is established: its leadership roles and members are appointed.
     * Each January after that, about a quarter of the seats turn over, and every seat left empty (by rotation or a
     * departure) is filled again.
     */
    private void workingGroups(YearMonth month) {
        for (Map.Entry<WorkingGroupPlan, Map<Person, String>> entry : seats.entrySet()) {
            WorkingGroupPlan plan = entry.getKey();
            Map<Person, String> held = entry.getValue();
            boolean established = month.equals(plan.established())
                    || month.equals(YearMonth.from(settings.startDate())) && plan.established().isBefore(month);
            boolean rotation = month.getMonthValue() == 1 && month.isAfter(plan.established());
            if (!established && !rotation) {
                continue;
            }
            LocalDate date = day(workingGroupRandom, month.atDay(1), month.atDay(10));
            if (date == null) {
                continue;
            }
            for (Person person : List.copyOf(held.keySet())) {
                if (workingGroupRandom.nextDouble() < 0.25) {
                    held.remove(person);
                    emit("WorkingGroupAppointmentEnded", person, date, Map.of("workingGroupId", plan.id()));
                }
            }
            for (String role : plan.roles().stream().distinct().toList()) {
                long vacant = plan.roles().stream().filter(role::equals).count()
                        - held.values().stream().filter(role::equals).count();
                List<Person> eligible = active.stream().filter(person -> !held.containsKey(person)
                        && plan.eligible(role, person.level, person.unit)).toList();
                for (Person person : pick(workingGroupRandom, eligible, (int) Math.max(0, vacant),
                        person -> plan.weight(person.identity.equityGroup()))) {
                    held.put(person, role);
                    emit("WorkingGroupAppointed", person, date, ordered("workingGroupId", plan.id(),
                            "workingGroupName", plan.name(), "role", role));
                }
            }
        }
    }

    /** A departure ends the person's appointments, as HR would record it, before the separation itself. */
    private void endAppointments(Person person, LocalDate date) {
        seats.forEach((plan, held) -> {
            if (held.remove(person) != null) {
                emit("WorkingGroupAppointmentEnded", person, date, Map.of("workingGroupId", plan.id()));
            }
        });
    }

    private void fillVacancies(YearMonth month) {
        double years = ChronoUnit.DAYS.between(settings.startDate(), month.atDay(1)) / 365.25;
        Map<Unit, Map<Level, Integer>> held = held();
        for (int l = Level.values().length - 1; l >= 0; l--) {
            Level level = Level.values()[l];
            Map<String, List<Person>> candidates = level == Level.FRONTLINE ? Map.of() : candidates(level.below(),
                    month);
            for (Unit unit : organisation.units()) {
                int target = (int) Math.round(positions.get(unit).get(level) * (1 + GROWTH_PER_YEAR * Math.max(0, years)));
                int open = target - held.get(unit).get(level);
                for (int i = 0; i < open; i++) {
                    List<Person> pool = candidates.getOrDefault(unit.serviceLine(), List.of());
                    Person filled = level == Level.FRONTLINE || pool.isEmpty()
                            || random.nextDouble() < EXTERNAL_SENIOR_HIRES
                            ? hireInto(month, unit, level) : promoteInto(month, unit, level, pool);
                    if (filled == null) {
                        continue;
                    }
                    held.get(unit).merge(level, 1, Integer::sum);
                }
            }
            if (level != Level.FRONTLINE) {
                held = held();
            }
        }
    }

    private Map<Unit, Map<Level, Integer>> held() {
        Map<Unit, Map<Level, Integer>> held = new LinkedHashMap<>();
        for (Unit unit : organisation.units()) {
            Map<Level, Integer> levels = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                levels.put(level, 0);
            }
            held.put(unit, levels);
        }
        for (Person person : active) {
            held.get(person.unit).merge(person.level, 1, Integer::sum);
        }
        return held;
    }

    /** Who may be promoted from a level: a year or more at it, by service line. */
    private Map<String, List<Person>> candidates(Level level, YearMonth month) {
        Map<String, List<Person>> candidates = new HashMap<>();
        LocalDate yearAgo = month.atDay(1).minusYears(1);
        for (Person person : active) {
            if (person.level == level && !person.levelSince.isAfter(yearAgo)) {
                candidates.computeIfAbsent(person.unit.serviceLine(), line -> new ArrayList<>()).add(person);
            }
        }
        return candidates;
    }

    private Person hireInto(YearMonth month, Unit unit, Level level) {
        LocalDate date = dayOf(month, 1, 28);
        if (date == null) {
            return null;
        }
        // Senior people hired from outside come from a senior labour market that is no more diverse than our own.
        double diversity = Demographics.diversity(date.getYear(), unit) * level.diversityFactor();
        Person person = hire(date, unit, level, Demographics.draw(random, diversity));
        selfIdentify(person, day(date, date.plusDays(14)), 0.62, 0.06);
        return person;
    }

    private Person promoteInto(YearMonth month, Unit unit, Level level, List<Person> pool) {
        Person promoted;
        String competitionId = null;
        if (pool.size() >= 2 && random.nextDouble() < COMPETITIONS) {
            LocalDate opened = dayOf(month, 1, 5);
            if (opened == null) {
                return null;
            }
            competitionId = settings.runId() + "-C" + (++competitionNumber);
            emit("PromotionCompetitionOpened", null, opened, ordered("competitionId", competitionId,
                    "position", position(unit, level)));
            // Everyone applies alike; selection is where the gap opens.
            List<Person> applicants = pick(pool, Math.min(pool.size(), 3 + random.nextInt(10)), person -> 1);
            for (Person applicant : applicants) {
                LocalDate date = dayOf(month, 6, 12);
                if (date != null) {
                    emit("PromotionApplicationSubmitted", applicant, date, Map.of("competitionId", competitionId));
                }
            }
            List<Person> shortlist = pick(applicants, Math.min(applicants.size(), 2 + random.nextInt(3)),
                    this::promotionWeight);
            for (Person candidate : shortlist) {
                LocalDate date = dayOf(month, 13, 20);
                if (date != null) {
                    emit("PromotionCandidateShortlisted", candidate, date, Map.of("competitionId", competitionId));
                }
            }
            promoted = pick(shortlist, 1, this::promotionWeight).get(0);
        } else {
            promoted = pick(pool, 1, this::promotionWeight).get(0);
        }
        LocalDate date = dayOf(month, competitionId == null ? 1 : 21, 28);
        if (date == null) {
            return null;
        }
        pool.remove(promoted);
        promoted.unit = unit;
        promoted.level = level;
        promoted.levelSince = date;
        emit("EmployeePromoted", promoted, date, competitionId == null
                ? Map.of("position", position(unit, level))
                : ordered("position", position(unit, level), "competitionId", competitionId));
        return promoted;
    }

    private double promotionWeight(Person person) {
        Identity identity = person.identity;
        double weight = identity.indigenous() ? 0.6 : identity.black() ? 0.55 : identity.racialized() ? 0.7 : 1.0;
        if (person.mentored) {
            weight *= 1.5;
        }
        long years = ChronoUnit.YEARS.between(person.levelSince, month.atDay(1));
        return weight * (1 + 0.05 * Math.min(10, Math.max(0, years)));
    }

    // --- people and events -------------------------------------------------------------------------------------

    private Person hire(LocalDate date, Unit unit, Level level, Identity identity) {
        Person person = new Person(String.format("%s-E%06d", settings.runId(), ++employeeNumber), identity, unit,
                level, date);
        active.add(person);
        emit("EmployeeHired", person, date, Map.of("position", position(unit, level)));
        return person;
    }

    /**
     * Decides now whether the person will answer on that day (an answer, "prefer not to answer", or nothing); the
     * answer is published when its month is simulated, and not at all if the person has left by then.
     */
    private void selfIdentify(Person person, LocalDate date, double responds, double prefersNotToAnswer) {
        double draw = random.nextDouble();
        if (date == null || draw >= responds + prefersNotToAnswer) {
            return;
        }
        person.answersOn = date;
        person.answerResponds = draw < responds;
    }

    private void answersDue(YearMonth month) {
        for (Person person : active) {
            if (person.answersOn == null || YearMonth.from(person.answersOn).isAfter(month)) {
                continue;
            }
            person.submitted = true;
            person.responded = person.answerResponds;
            if (person.answerResponds) {
                Map<String, Object> answer = ordered("status", "RESPONDED");
                if (!person.identity.indigenousIdentities().isEmpty()) {
                    answer.put("indigenousIdentities", person.identity.indigenousIdentities());
                }
                if (!person.identity.raceCategories().isEmpty()) {
                    answer.put("raceCategories", person.identity.raceCategories());
                }
                emit("SelfIdentificationSubmitted", person, person.answersOn, answer);
            } else {
                emit("SelfIdentificationSubmitted", person, person.answersOn, Map.of("status", "PREFER_NOT_TO_ANSWER"));
            }
            person.answersOn = null;
        }
    }

    private void emit(String type, Person person, LocalDate date, Map<String, Object> fields) {
        int sequence = recordedThatDay.merge(date, 1, Integer::sum);
        Instant recordedAt = date.atTime(8, 0).atZone(SimulationSettings.CALGARY).toInstant().plusMillis(sequence);
        events.add(new SimulatedEvent(type, null, person == null ? null : person.employeeId, date, recordedAt, fields));
    }

    private static Map<String, Object> position(Unit unit, Level level) {
        return ordered("jobCode", unit.jobCode(level), "jobTitle", unit.title(level), "level", level.name(),
                "orgUnitPath", unit.path(), "serviceLine", unit.serviceLine());
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    // --- drawing -----------------------------------------------------------------------------------------------

    private static double monthly(double annual) {
        return 1 - Math.pow(1 - Math.min(annual, 0.99), 1.0 / 12);
    }

    /** A day of the month between two days of it, or null when it falls outside the simulated span. */
    private LocalDate dayOf(YearMonth month, int from, int to) {
        return day(month.atDay(from), month.atDay(to));
    }

    /** A day between two dates, clamped to the simulated span; null when the span is already over. */
    private LocalDate day(LocalDate from, LocalDate to) {
        return day(random, from, to);
    }

    private LocalDate day(SplittableRandom random, LocalDate from, LocalDate to) {
        LocalDate date = from.plusDays(random.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
        if (date.isBefore(settings.startDate())) {
            date = settings.startDate();
        }
        return date.isAfter(settings.endDate()) ? null : date;
    }

    /** Draws {@code count} distinct people, each with a chance proportional to its weight. */
    private List<Person> pick(List<Person> people, int count, ToDoubleFunction<Person> weight) {
        return pick(random, people, count, weight);
    }

    private static List<Person> pick(SplittableRandom random, List<Person> people, int count,
                                     ToDoubleFunction<Person> weight) {
        List<Person> remaining = new ArrayList<>(people);
        List<Person> picked = new ArrayList<>();
        while (picked.size() < count && !remaining.isEmpty()) {
            double total = remaining.stream().mapToDouble(weight).sum();
            double draw = random.nextDouble() * total;
            int i = 0;
            while (i < remaining.size() - 1 && (draw -= weight.applyAsDouble(remaining.get(i))) >= 0) {
                i++;
            }
            picked.add(remaining.remove(i));
        }
        return picked;
    }

    // --- what came out -----------------------------------------------------------------------------------------

    private SimulationSummary summary() {
        Map<String, Integer> byType = new TreeMap<>();
        events.forEach(event -> byType.merge(event.type(), 1, Integer::sum));
        Map<Level, int[]> byLevel = new EnumMap<>(Level.class);
        int submitted = 0;
        int respondents = 0;
        for (Person person : active) {
            int[] counts = byLevel.computeIfAbsent(person.level, level -> new int[2]);
            counts[0]++;
            if (person.identity.equityGroup()) {
                counts[1]++;
            }
            submitted += person.submitted ? 1 : 0;
            respondents += person.responded ? 1 : 0;
        }
        Map<String, Integer> headcountByLevel = new LinkedHashMap<>();
        Map<String, Double> equityShareByLevel = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            int[] counts = byLevel.getOrDefault(level, new int[2]);
            headcountByLevel.put(level.name(), counts[0]);
            equityShareByLevel.put(level.name(), counts[0] == 0 ? 0 : (double) counts[1] / counts[0]);
        }
        Map<String, SimulationSummary.WorkingGroupSeats> workingGroups = new LinkedHashMap<>();
        seats.forEach((plan, held) -> {
            int leaders = 0;
            int equityMembers = 0;
            int equityLeaders = 0;
            for (Map.Entry<Person, String> seat : held.entrySet()) {
                boolean leads = !seat.getValue().equals("MEMBER");
                boolean equity = seat.getKey().identity.equityGroup();
                leaders += leads ? 1 : 0;
                equityMembers += equity ? 1 : 0;
                equityLeaders += leads && equity ? 1 : 0;
            }
            workingGroups.put(plan.id(), new SimulationSummary.WorkingGroupSeats(plan.name(), held.size(), leaders,
                    equityMembers, equityLeaders));
        });
        return new SimulationSummary(active.size(), headcountByLevel, equityShareByLevel,
                active.isEmpty() ? 0 : (double) submitted / active.size(), respondents, byType, workingGroups);
    }
}
