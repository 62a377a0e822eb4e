package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.metrics.core.CompetitionEntry.Stage;
import org.junit.jupiter.api.Test;

/**
 * Ten supervisor competitions in 2024-Q1, each with ten white and ten Black applicants. Six white and three Black
 * candidates are shortlisted in each; half of each shortlist is promoted. The gap opens at shortlisting: the roll-up
 * shows it, while each competition alone is too small to show anything but its totals.
 */
class CompetitionCalculatorTest {

    static final Set<Group> WHITE = new SelfIdentification(true, Set.of(), Set.of(RaceCategory.WHITE)).groups();
    static final Set<Group> BLACK = new SelfIdentification(true, Set.of(), Set.of(RaceCategory.BLACK)).groups();
    static final Placement SUPERVISOR = new Placement(Level.SUPERVISOR, "City/Corporate", "CORPORATE");
    static final LocalDate TODAY = LocalDate.of(2024, 8, 15);

    static List<CompetitionFigures> figures() {
        return figures(LocalDate.of(2024, 2, 1), Quarter.parse("2023-Q1"));
    }

    static List<CompetitionFigures> figures(LocalDate opened, Quarter firstQuarter) {
        Map<String, CompetitionCalculator.Counts> competitions = new HashMap<>();
        Map<String, CompetitionOpening> openings = new HashMap<>();
        for (int c = 0; c < 10; c++) {
            String id = "SUP-" + c;
            CompetitionCalculator.Counts counts = new CompetitionCalculator.Counts();
            for (int i = 0; i < 10; i++) {
                counts.add(new CompetitionEntry(i < 3 ? Stage.PROMOTED : i < 6 ? Stage.SHORTLISTED : Stage.APPLIED,
                        WHITE), 1);
                int blackPromoted = c % 2 == 0 ? 1 : 2;
                counts.add(new CompetitionEntry(i < blackPromoted ? Stage.PROMOTED : i < 3 ? Stage.SHORTLISTED
                        : Stage.APPLIED, BLACK), 1);
            }
            competitions.put(id, counts);
            openings.put(id, new CompetitionOpening(id, opened, Instant.EPOCH, "open-" + id, SUPERVISOR));
        }
        return new CompetitionCalculator(10, new ReferenceGroup(Group.WHITE_ONLY),
                RepresentationConfig.DEFAULT_PUBLIC_SAFETY, firstQuarter).figures(competitions, openings, TODAY);
    }

    static CompetitionFigures rollup(List<CompetitionFigures> figures, String period, Group group) {
        return figures.stream().filter(f -> f.competitionId() == null && f.period().id().equals(period)
                        && f.scope().equals(Scope.serviceLine("CORPORATE")) && f.tier() == Tier.LEADERSHIP
                        && f.group() == group)
                .findFirst().orElseThrow();
    }

    @Test
    void theRollUpShowsTheGapOpeningAtShortlisting() {
        CompetitionFigures black = rollup(figures(), "2024-Q1", Group.BLACK);
        assertThat(black.applicants()).isEqualTo(100);
        assertThat(black.shortlisted()).isEqualTo(30);
        assertThat(black.promoted()).isEqualTo(15);

        assertThat(black.shortlisting().rate()).isEqualByComparingTo("0.3000");
        assertThat(black.shortlisting().referenceGroup()).isEqualTo(Group.WHITE_ONLY);
        // the reference's bases, so a reader can apply the pool rule to both sides (10 competitions x 10 each)
        assertThat(black.shortlisting().referenceBase()).isEqualTo(100);
        assertThat(black.selectionFromShortlist().referenceBase()).isEqualTo(60);
        assertThat(black.overall().referenceBase()).isEqualTo(100);
        assertThat(black.shortlisting().adverseImpactRatio()).isCloseTo(0.5, within(1e-12));
        // {{30, 70}, {60, 40}}, P[X <= 30]: exact rational value (Python's fractions)
        assertThat(black.shortlisting().fisherP()).isCloseTo(1.6522964946361593e-05, within(1e-15));

        assertThat(black.selectionFromShortlist().rate()).isEqualByComparingTo("0.5000");
        assertThat(black.selectionFromShortlist().adverseImpactRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(black.selectionFromShortlist().fisherP()).isCloseTo(0.5883432737165465, within(1e-12));

        assertThat(black.overall().rate()).isEqualByComparingTo("0.1500");
        assertThat(black.overall().adverseImpactRatio()).isCloseTo(0.5, within(1e-12));
        assertThat(black.overall().fisherP()).isCloseTo(0.008574511384204201, within(1e-12));
    }

    @Test
    void rollUpsCoverTheQuarterAndTheRollingPeriodsHoldingItUpToToday() {
        assertThat(figures().stream().filter(f -> f.competitionId() == null).map(f -> f.period().id()).distinct())
                .containsExactlyInAnyOrder("2024-Q1", "R12M-2024-Q1", "R12M-2024-Q2", "R12M-2024-Q3");
        assertThat(rollup(figures(), "R12M-2024-Q3", Group.BLACK).applicants()).isEqualTo(100);
    }

    @Test
    void rollUpsStartAtTheFirstReportedQuarterLikeEveryOtherFlow() {
        // Opened in 2023-Q2 with 2024-Q1 the first reported quarter: only the rolling periods ending from 2024-Q1.
        assertThat(figures(LocalDate.of(2023, 5, 1), Quarter.parse("2024-Q1")).stream()
                .filter(f -> f.competitionId() == null).map(f -> f.period().id()).distinct())
                .containsExactlyInAnyOrder("R12M-2024-Q1");
        assertThat(figures(LocalDate.of(2023, 5, 1), Quarter.parse("2024-Q1")).stream()
                .filter(f -> "SUP-0".equals(f.competitionId())).count())
                .as("the competition's own funnel is published whatever its date").isEqualTo(Group.values().length);
    }

    @Test
    void aSingleCompetitionShowsNoSmallCount() {
        List<CompetitionFigures> competition = figures().stream()
                .filter(f -> "SUP-0".equals(f.competitionId())).toList();
        assertThat(competition).hasSize(Group.values().length);
        CompetitionFigures black = competition.stream().filter(f -> f.group() == Group.BLACK).findFirst().orElseThrow();
        assertThat(black.period().id()).isEqualTo("2024-Q1");
        assertThat(black.targetLevel()).isEqualTo("SUPERVISOR");
        assertThat(black.applicants()).isEqualTo(10);
        assertThat(black.shortlisted()).isNull();
        assertThat(black.promoted()).isNull();
        assertThat(black.shortlisting().rate()).isNull();
        assertThat(black.overall().adverseImpactRatio()).isNull();
        assertThat(black.suppressed()).containsExactly("SHORTLISTED", "PROMOTED");
        CompetitionFigures total = competition.stream().filter(f -> f.group() == Group.TOTAL).findFirst().orElseThrow();
        assertThat(total.applicants()).isEqualTo(20);
        assertThat(total.shortlisted()).isEqualTo(9);
    }
}
