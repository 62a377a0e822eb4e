package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.Position;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.SelfIdentificationStatus;
import ca.calgary.representation.events.SelfIdentificationSubmitted;
import ca.calgary.representation.events.SeparationReason;
import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.events.contract.Payloads;
import ca.calgary.representation.ingest.core.EventType;
import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.metrics.core.Benchmarks;
import ca.calgary.representation.metrics.core.CellFigures;
import ca.calgary.representation.metrics.core.ReferenceFold;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random event histories (hires, rehires, transfers, promotions, separations, self-identification and its
 * withdrawal, mentorship, duplicates, backdated and future-dated events): every arrival order gives the same
 * published figures through the topology, equal to the reference fold written separately in the tests.
 */
class ArrivalOrderPropertyTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final RepresentationConfig CONFIG = new RepresentationConfig(3, RepresentationConfig.DEFAULT_PUBLIC_SAFETY,
            ZoneId.of("America/Edmonton"));
    static final String[] UNITS = {"City/Public Safety/Calgary Police Service/Patrol",
            "City/Public Safety/Calgary Police Service/Investigations", "City/Public Safety/Calgary Fire Department",
            "City/Corporate/Finance"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 23, 37, 41})
    void everyArrivalOrderGivesTheReferenceFigures(long seed) {
        Random random = new Random(seed);
        List<OutgoingEvent> events = randomHistory(random, 25 + random.nextInt(40));
        Map<String, String> reference = signatures(new RepresentationCalculator(CONFIG.minCellSize()).figures(
                ReferenceFold.table(events, AS_OF, CONFIG), Benchmarks.none(), AS_OF));

        List<OutgoingEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        List<OutgoingEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);

        assertThat(reference).isNotEmpty();
        for (List<OutgoingEvent> order : List.of(events, shuffled, reversed)) {
            try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(CONFIG, AS_OF)) {
                order.forEach(topology::pipe);
                topology.publish();
                assertThat(signatures(topology.latestFigures())).isEqualTo(reference);
            }
        }
    }

    private static Map<String, String> signatures(List<CellFigures> figures) {
        Map<String, String> byCell = new TreeMap<>();
        figures.forEach(f -> byCell.put(f.cellId(), f.count() + "/" + f.headcount() + "/" + f.suppressed() + "/"
                + f.representation() + "/" + f.responseRate() + "/" + f.activeMentees()));
        return byCell;
    }

    static List<OutgoingEvent> randomHistory(Random random, int employees) {
        List<OutgoingEvent> events = new ArrayList<>();
        int serial = 0;
        for (int e = 0; e < employees; e++) {
            String key = "employee-" + e;
            LocalDate hired = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
            events.add(employment(key, "ev" + serial++, hired, Payloads.employeeHired(position(random))));
            int changes = random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                LocalDate day = hired.plusDays(1 + random.nextInt(4000));
                switch (random.nextInt(6)) {
                    case 0 -> events.add(employment(key, "ev" + serial++, day, Payloads.employeeTransferred(position(random))));
                    case 1 -> events.add(promotion(key, "ev" + serial++, day, position(random)));
                    case 2 -> events.add(employment(key, "ev" + serial++, day,
                            Payloads.employeeSeparated(SeparationReason.RESIGNATION)));
                    case 3 -> events.add(employment(key, "ev" + serial++, day, Payloads.employeeHired(position(random))));
                    case 4 -> events.add(selfId(key, "ev" + serial++, day, Payloads.selfIdentificationWithdrawn()));
                    default -> events.add(mentorship(key, "ev" + serial++, day, random.nextBoolean()
                            ? Payloads.mentorshipEnrolled("LEAD", MentorshipRole.MENTEE) : Payloads.mentorshipCompleted("LEAD")));
                }
            }
            if (random.nextInt(5) > 0) {
                events.add(selfId(key, "ev" + serial++, hired.plusDays(random.nextInt(900)), submission(random)));
            }
            if (random.nextInt(6) == 0) {
                events.add(events.get(random.nextInt(events.size())));
            }
        }
        return events;
    }

    private static Position position(Random random) {
        String unit = UNITS[random.nextInt(UNITS.length)];
        return new Position("J", "Title", Level.values()[random.nextInt(Level.values().length)], unit,
                unit.contains("Police") ? "POLICE" : unit.contains("Fire") ? "FIRE" : "CORPORATE");
    }

    private static SelfIdentificationSubmitted submission(Random random) {
        if (random.nextInt(5) == 0) {
            return Payloads.selfIdentificationSubmitted(SelfIdentificationStatus.PREFER_NOT_TO_ANSWER, List.of(), List.of());
        }
        List<IndigenousIdentity> indigenous = random.nextInt(6) == 0
                ? List.of(IndigenousIdentity.values()[random.nextInt(3)]) : List.of();
        List<RaceCategory> race = List.of(RaceCategory.values()[random.nextInt(RaceCategory.values().length)]);
        return Payloads.selfIdentificationSubmitted(SelfIdentificationStatus.RESPONDED, indigenous, race);
    }

    private static Instant recorded(LocalDate day, String eventId) {
        return day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(Math.abs(eventId.hashCode() % 3600));
    }

    private static OutgoingEvent employment(String key, String id, LocalDate day, Object payload) {
        return new OutgoingEvent(EventType.EMPLOYEE_HIRED, id, id, EventTopic.EMPLOYMENT, key,
                new EmploymentEvent(id, key, day, recorded(day, id), "test", payload, null), "");
    }

    private static OutgoingEvent promotion(String key, String id, LocalDate day, Position position) {
        return new OutgoingEvent(EventType.EMPLOYEE_PROMOTED, id, id, EventTopic.PROMOTION, key,
                new PromotionEvent(id, key, day, recorded(day, id), "test", Payloads.employeePromoted(position, null), null), "");
    }

    private static OutgoingEvent selfId(String key, String id, LocalDate day, Object payload) {
        return new OutgoingEvent(EventType.SELF_IDENTIFICATION_SUBMITTED, id, id, EventTopic.SELF_IDENTIFICATION, key,
                new SelfIdentificationEvent(id, key, day, recorded(day, id), "test", payload, null), "");
    }

    static OutgoingEvent mentorship(String key, String id, LocalDate day, Object payload) {
        return new OutgoingEvent(EventType.MENTORSHIP_ENROLLED, id, id, EventTopic.MENTORSHIP, key,
                new MentorshipEvent(id, key, day, recorded(day, id), "test", payload, null), "");
    }
}
