package ca.calgary.representation.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.GoalProjectionPoint;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void aGoalsProjectionReadsAsDatedPointsInOneCell() {
        GoalFigures goal = GoalFigures.newBuilder().setScope("ORG").setTier("LEADERSHIP").setGroup("RACIALIZED")
                .setAsOf(LocalDate.of(2026, 12, 7)).setRevision(3).setTargetShare(0.25).setTargetShareFrom("GOAL")
                .setTargetDate(LocalDate.of(2027, 12, 31)).setSource("framework")
                .setProjection(List.of(
                        new GoalProjectionPoint(LocalDate.of(2026, 12, 31), 0.2, 0.18, 0.22, 40.0, 200.0),
                        new GoalProjectionPoint(LocalDate.of(2027, 3, 31), 0.21, 0.18, 0.24, 42.0, 200.0)))
                .setWithheld(List.of("FLOWS_SUPPRESSED", "NO_PERIOD")).build();

        String csv = CsvExport.csv(GoalFigures.getClassSchema(), List.of(goal));

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("scope,tier,group,asOf,revision,targetShare,").contains(",projection,");
        assertThat(lines[1]).startsWith("ORG,LEADERSHIP,RACIALIZED,2026-12-07,3,0.25,GOAL,2027-12-31,framework,")
                .contains(",date=2026-12-31 share=0.2 low=0.18 high=0.22 groupCount=40.0 headcount=200.0;"
                        + "date=2027-03-31 share=0.21 low=0.18 high=0.24 groupCount=42.0 headcount=200.0,")
                .contains(",FLOWS_SUPPRESSED;NO_PERIOD,")
                .doesNotContain("{").doesNotContain("\"");
    }
}
