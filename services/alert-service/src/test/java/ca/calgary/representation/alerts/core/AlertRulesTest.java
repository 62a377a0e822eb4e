package ca.calgary.representation.alerts.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import ca.calgary.representation.alerts.core.Evaluation.Condition;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    static final AlertRules RULES = new AlertRules(AlertThresholds.defaults());

    static Signal.Live black(long headcount, Double representation, Double benchmark, Double index, Double p) {
        return new Signal.Live("PUBLIC_SAFETY", "MANAGEMENT", "BLACK", headcount, representation, benchmark, index, p,
                0.9);
    }

    @Test
    void aGapFiresBelowTheIndexWhenTheTestRejectsAndResolvesOnlyAboveTheResolvingIndex() {
        assertThat(RULES.representationGap(black(200, 0.02, 0.05, 0.4, 0.001)).condition()).isEqualTo(Condition.FIRES);
        assertThat(RULES.representationGap(black(200, 0.041, 0.05, 0.82, 0.03)).condition())
                .as("between 0.8 and 0.85: hysteresis").isEqualTo(Condition.HOLDS);
        assertThat(RULES.representationGap(black(200, 0.043, 0.05, 0.86, 0.03)).condition()).isEqualTo(Condition.CLEARS);
        assertThat(RULES.representationGap(black(200, 0.03, 0.05, 0.6, 0.2)).condition())
                .as("the test no longer rejects").isEqualTo(Condition.CLEARS);
    }

    @Test
    void aGapCannotBeMeasuredInASmallCellOrFromWithheldFigures() {
        assertThat(RULES.representationGap(black(9, 0.0, 0.05, 0.0, 0.6)).condition())
                .isEqualTo(Condition.UNMEASURABLE);
        assertThat(RULES.representationGap(black(200, null, 0.05, null, null)).condition())
                .as("suppressed").isEqualTo(Condition.UNMEASURABLE);
        assertThat(RULES.representationGap(black(200, 0.02, null, null, null)).condition())
                .as("no benchmark").isEqualTo(Condition.UNMEASURABLE);
    }

    @Test
    void severityGrowsWithTheGapAndTheEvidence() {
        assertThat(RULES.representationGap(black(500, 0.02, 0.05, 0.4, 0.0001)).severity()).isEqualTo(Severity.HIGH);
        assertThat(RULES.representationGap(black(500, 0.03, 0.05, 0.6, 0.005)).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(RULES.representationGap(black(500, 0.035, 0.05, 0.7, 0.04)).severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void anAlertCarriesItsFiguresThresholdsAndAOneSentenceExplanationWithoutAnyGroupCount() {
        Evaluation gap = RULES.representationGap(black(200, 0.02, 0.05, 0.4, 0.001));
        assertThat(gap.figures()).containsOnlyKeys("representation", "benchmark", "representationIndex", "pUnder",
                "headcount");
        assertThat(gap.thresholds()).containsEntry("representationIndexBelow", 0.8).containsEntry("pValueBelow", 0.05);
        assertThat(gap.explanation()).isEqualTo("Black representation in PUBLIC_SAFETY × MANAGEMENT is 2.0% against a "
                + "benchmark of 5.0% (index 0.40, p = 0.0010, headcount 200).");
    }

    @Test
    void lowResponseLooksAtTheTotalRowWithHysteresis() {
        Signal.Live total = new Signal.Live("ORG", "ALL", "TOTAL", 100, 1.0, null, null, null, 0.55);
        assertThat(RULES.lowResponse(total).condition()).isEqualTo(Condition.FIRES);
        assertThat(RULES.lowResponse(new Signal.Live("ORG", "ALL", "TOTAL", 100, 1.0, null, null, null, 0.62))
                .condition()).isEqualTo(Condition.HOLDS);
        assertThat(RULES.lowResponse(new Signal.Live("ORG", "ALL", "BLACK", 100, 0.1, null, null, null, 0.55))
                .condition()).isEqualTo(Condition.NOT_APPLICABLE);
    }

    static Signal.Comparison comparison(String group, Measure measure, long pool, long referencePool, double rate,
                                        double ratio, double p) {
        return new Signal.Comparison("ORG", "LEADERSHIP", group, measure, "R12M-2024-Q2", "WHITE_ONLY", pool,
                referencePool, rate, ratio, p);
    }

    @Test
    void adverseImpactNeedsBothPoolsOfAtLeastK() {
        for (Measure measure : Measure.values()) {
            assertThat(RULES.adverseImpact(comparison("BLACK", measure, 50, 100, 0.08, 0.4, 0.045)).condition())
                    .as(measure.name()).isEqualTo(Condition.FIRES);
            assertThat(RULES.adverseImpact(comparison("BLACK", measure, 8, 100, 0.0, 0.0, 0.01)).condition())
                    .as(measure.name()).isEqualTo(Condition.UNMEASURABLE);
            assertThat(RULES.adverseImpact(comparison("BLACK", measure, 100, 9, 0.0, 0.0, 0.01)).condition())
                    .as(measure.name()).isEqualTo(Condition.UNMEASURABLE);
            assertThat(RULES.adverseImpact(comparison("BLACK", measure, 100, 100, 0.1, 0.82, 0.01)).condition())
                    .as("hysteresis").isEqualTo(Condition.HOLDS);
            assertThat(RULES.adverseImpact(comparison("BLACK", measure, 100, 100, 0.1, 0.86, 0.01)).condition())
                    .isEqualTo(Condition.CLEARS);
        }
    }

    @Test
    void eachAdverseImpactNamesItsMeasureAndStage() {
        assertThat(RULES.adverseImpact(comparison("BLACK", Measure.PROMOTION, 50, 100, 0.08, 0.4, 0.0045))
                .explanation()).isEqualTo("Black employees in ORG were promoted into LEADERSHIP at 0.40 times the "
                + "rate of White employees over the 12 months to the end of 2024-Q2 (Fisher p = 0.0045).");
        // a separation ratio of 0.625 turned round: the group left 1.6 times as often
        assertThat(RULES.adverseImpact(comparison("BLACK", Measure.SEPARATION, 50, 100, 0.16, 0.625, 0.02))
                .explanation()).isEqualTo("Black employees left ORG × LEADERSHIP 1.60 times as often as White "
                + "employees over the 12 months to the end of 2024-Q2 (Fisher p = 0.0200).");
        assertThat(RULES.adverseImpact(comparison("BLACK", Measure.COMPETITION_SHORTLISTING, 50, 100, 0.2, 0.5,
                0.01)).explanation()).isEqualTo("Black applicants to competitions for ORG × LEADERSHIP opened over "
                + "the 12 months to the end of 2024-Q2 were shortlisted at 0.50 times the rate of White applicants "
                + "(Fisher p = 0.0100).");
        assertThat(RULES.adverseImpact(comparison("BLACK", Measure.COMPETITION_SELECTION, 50, 100, 0.2, 0.5,
                0.01)).explanation()).contains("shortlisted candidates", "were promoted at 0.50 times the rate of "
                + "White shortlisted candidates");
        assertThat(RULES.adverseImpact(comparison("BLACK", Measure.COMPETITION_OVERALL, 50, 100, 0.2, 0.5,
                0.01)).explanation()).contains("applicants", "were promoted at 0.50 times the rate of White "
                + "applicants");
    }

    @Test
    void aSeparationAlertFiresWhenTheGroupLeavesAtLeastAQuarterMoreOften() {
        // ratios as the alert topology turns them round: reference rate / group rate
        assertThat(RULES.adverseImpact(comparison("INDIGENOUS", Measure.SEPARATION, 80, 400, 0.20, 1 / 1.3, 0.01))
                .condition()).isEqualTo(Condition.FIRES);
        assertThat(RULES.adverseImpact(comparison("INDIGENOUS", Measure.SEPARATION, 80, 400, 0.20, 1 / 1.1, 0.01))
                .condition()).isEqualTo(Condition.CLEARS);
        Evaluation none = RULES.adverseImpact(comparison("INDIGENOUS", Measure.SEPARATION, 80, 400, 0.0,
                Double.POSITIVE_INFINITY, 1.0));
        assertThat(none.condition()).as("nobody of the group left").isEqualTo(Condition.CLEARS);
        assertThat(none.figures()).doesNotContainKey("adverseImpactRatio");
    }

    @Test
    void declineComparesWithFourQuartersEarlier() {
        Signal.Snapshot before = new Signal.Snapshot("ORG", "MANAGEMENT", "INDIGENOUS", "2023-Q2", 0.06);
        assertThat(RULES.decline(before, new Signal.Snapshot("ORG", "MANAGEMENT", "INDIGENOUS", "2024-Q2", 0.035))
                .condition()).isEqualTo(Condition.FIRES);
        assertThat(RULES.decline(before, new Signal.Snapshot("ORG", "MANAGEMENT", "INDIGENOUS", "2024-Q2", 0.0425))
                .condition()).isEqualTo(Condition.HOLDS);
        assertThat(RULES.decline(before, new Signal.Snapshot("ORG", "MANAGEMENT", "INDIGENOUS", "2024-Q2", 0.05))
                .condition()).isEqualTo(Condition.CLEARS);
        assertThat(RULES.decline(before, new Signal.Snapshot("ORG", "MANAGEMENT", "INDIGENOUS", "2024-Q2", null))
                .condition()).isEqualTo(Condition.UNMEASURABLE);
    }

    static Signal.Goal goal(String group, Long shortfall, Double projectedShare) {
        return new Signal.Goal("PUBLIC_SAFETY", "LEADERSHIP", group, 0.15, "2027-12-31", projectedShare, shortfall);
    }

    /** GOAL_OFF_TRACK opens beyond one person short (the default), holds at one, resolves on track. */
    @Test
    void aGoalOffTrackByMoreThanOnePersonFiresAndResolvesOnlyOnTrack() {
        assertThat(RULES.goalOffTrack(goal("BLACK", 2L, 0.13)).condition()).isEqualTo(Condition.FIRES);
        assertThat(RULES.goalOffTrack(goal("BLACK", 1L, 0.14)).condition()).isEqualTo(Condition.HOLDS);
        assertThat(RULES.goalOffTrack(goal("BLACK", 0L, 0.15)).condition()).isEqualTo(Condition.CLEARS);
        assertThat(RULES.goalOffTrack(goal("BLACK", null, null)).condition())
                .as("withheld, or the goal removed").isEqualTo(Condition.UNMEASURABLE);
        assertThat(RULES.goalOffTrack(goal("WHITE_ONLY", 5L, 0.1)).condition()).isEqualTo(Condition.NOT_APPLICABLE);
        AlertRules stricter = new AlertRules(new AlertThresholds(0.8, 0.85, 0.05, 10, 0.8, 0.85, 2.0, 1.5, 0.6, 0.65,
                5, 2));
        assertThat(stricter.goalOffTrack(goal("BLACK", 5L, 0.1)).condition()).isEqualTo(Condition.HOLDS);
        assertThat(stricter.goalOffTrack(goal("BLACK", 6L, 0.1)).condition()).isEqualTo(Condition.FIRES);
        assertThat(stricter.goalOffTrack(goal("BLACK", 2L, 0.14)).condition()).isEqualTo(Condition.CLEARS);
    }

    static Signal.Live leadership(String scope, long headcount, Double representation, Double benchmark, Double p) {
        return new Signal.Live(scope, "LEADERSHIP", "INDIGENOUS_BLACK_RACIALIZED", headcount, representation,
                benchmark, null, p, 0.9);
    }

    @Test
    void aWorkingGroupWhoseLeadershipHoldsNoOneOfTheEquityGroupsFiresWhereThatIsPublished() {
        Evaluation none = RULES.workingGroupLeadership(leadership("WORKING_GROUP:OPS", 12, 0.0, 0.35, 0.0057));
        assertThat(none.condition()).isEqualTo(Condition.FIRES);
        assertThat(none.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(none.explanation()).isEqualTo("No one who self-identified as Indigenous, Black or racialized holds "
                + "any of the 12 leadership roles (chair, co-chair, lead) of working group OPS (4.2 expected at the "
                + "benchmark of 35.0%).");
        assertThat(Findings.priority(new AlertState(Rule.WORKING_GROUP_LEADERSHIP, "WORKING_GROUP:OPS", "LEADERSHIP",
                "INDIGENOUS_BLACK_RACIALIZED", null, Status.OPEN, null, none.severity(), none.figures(),
                none.thresholds(), none.explanation(), Instant.EPOCH, Instant.EPOCH)))
                .as("the leaders expected, weighted by confidence").isCloseTo(0.35 * 12 * (1 - 0.0057), within(1e-9));
        assertThat(RULES.workingGroupLeadership(leadership("WORKING_GROUP:OPS", 12, 1 / 12.0, 0.35, 0.04))
                .condition()).isEqualTo(Condition.CLEARS);
        assertThat(RULES.workingGroupLeadership(leadership("WORKING_GROUP:OPS", 12, 0.0, null, null)).severity())
                .as("without a benchmark").isEqualTo(Severity.LOW);
    }

    @Test
    void aLeadershipSmallerThanKCannotBeEvaluatedWithoutNamingItsHoldersSelfIdentification() {
        assertThat(RULES.workingGroupLeadership(leadership("WORKING_GROUP:AH", 3, null, 0.35, null)).condition())
                .isEqualTo(Condition.UNMEASURABLE);
        assertThat(RULES.workingGroupLeadership(leadership("WORKING_GROUP:AH", 9, 0.0, 0.35, 0.02)).condition())
                .as("even a zero someone published for a small leadership").isEqualTo(Condition.UNMEASURABLE);
        assertThat(RULES.workingGroupLeadership(leadership("WORKING_GROUP:OPS", 12, null, 0.35, null)).condition())
                .as("withheld by complementary suppression").isEqualTo(Condition.UNMEASURABLE);
    }

    @Test
    void theWorkingGroupLeadershipRuleLooksAtWorkingGroupsLeadershipOfAllTheEquityGroupsOnly() {
        assertThat(RULES.workingGroupLeadership(leadership("PUBLIC_SAFETY", 120, 0.0, 0.35, 0.0)).condition())
                .isEqualTo(Condition.NOT_APPLICABLE);
        assertThat(RULES.workingGroupLeadership(new Signal.Live("WORKING_GROUP:OPS", "ALL",
                "INDIGENOUS_BLACK_RACIALIZED", 40, 0.0, 0.35, null, 0.0, 0.9)).condition())
                .isEqualTo(Condition.NOT_APPLICABLE);
        assertThat(RULES.workingGroupLeadership(new Signal.Live("WORKING_GROUP:OPS", "LEADERSHIP", "BLACK", 12, 0.0,
                0.05, null, 0.5, 0.9)).condition()).isEqualTo(Condition.NOT_APPLICABLE);
    }

    @Test
    void aGoalOffTrackSaysWhereTheProjectionLeadsAndHowFarItMisses() {
        Evaluation far = RULES.goalOffTrack(goal("BLACK", 9L, 0.06));
        assertThat(far.severity()).isEqualTo(Severity.HIGH);
        assertThat(RULES.goalOffTrack(goal("BLACK", 4L, 0.1)).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(RULES.goalOffTrack(goal("BLACK", 2L, 0.13)).severity()).isEqualTo(Severity.LOW);
        assertThat(far.figures()).containsOnlyKeys("projectedShortfall", "projectedShare", "targetShare");
        assertThat(far.explanation()).isEqualTo("At current hiring, promotion and separation rates, Black "
                + "representation in PUBLIC_SAFETY × LEADERSHIP is projected at 6.0% on 2027-12-31 against a goal of "
                + "15.0%: 9 people short.");
        assertThat(Findings.priority(new AlertState(Rule.GOAL_OFF_TRACK, "PUBLIC_SAFETY", "LEADERSHIP", "BLACK",
                null, Status.OPEN, null, far.severity(), far.figures(), far.thresholds(), far.explanation(),
                Instant.EPOCH, Instant.EPOCH))).as("findings rank by the people short").isEqualTo(9);
    }

    @Test
    void gapAdverseImpactAndDeclineApplyToTheEquityGroupsOnly() {
        for (String group : java.util.List.of("TOTAL", "RESPONDED", "NOT_DISCLOSED", "WHITE_ONLY", "MULTIPLE")) {
            assertThat(RULES.representationGap(new Signal.Live("ORG", "MANAGEMENT", group, 200, 0.02, 0.05, 0.4, 0.001,
                    0.9)).condition()).as(group).isEqualTo(Condition.NOT_APPLICABLE);
            for (Measure measure : Measure.values()) {
                assertThat(RULES.adverseImpact(comparison(group, measure, 50, 100, 0.08, 0.4, 0.045)).condition())
                        .as(group + " " + measure).isEqualTo(Condition.NOT_APPLICABLE);
            }
            assertThat(RULES.decline(new Signal.Snapshot("ORG", "MANAGEMENT", group, "2023-Q2", 0.30),
                    new Signal.Snapshot("ORG", "MANAGEMENT", group, "2024-Q2", 0.20)).condition()).as(group)
                    .isEqualTo(Condition.NOT_APPLICABLE);
        }
        for (String group : AlertRules.EQUITY_GROUPS) {
            assertThat(RULES.representationGap(new Signal.Live("ORG", "MANAGEMENT", group, 200, 0.02, 0.05, 0.4, 0.001,
                    0.9)).condition()).as(group).isEqualTo(Condition.FIRES);
        }
        assertThat(AlertRules.EQUITY_GROUPS).doesNotContain("WHITE", "WHITE_ONLY", "TOTAL", "NOT_DISCLOSED",
                "RESPONDED");
    }

    @Test
    void theEquityGroupsAreConfiguration() {
        AlertRules blackOnly = new AlertRules(AlertThresholds.defaults(), java.util.Set.of("BLACK"));
        assertThat(blackOnly.representationGap(black(200, 0.02, 0.05, 0.4, 0.001)).condition())
                .isEqualTo(Condition.FIRES);
        assertThat(blackOnly.representationGap(new Signal.Live("ORG", "MANAGEMENT", "INUIT", 200, 0.0, 0.05, 0.0,
                0.001, 0.9)).condition()).isEqualTo(Condition.NOT_APPLICABLE);
    }

    @Test
    void anAlertOfAGroupTheRulesNoLongerCoverResolves() {
        Instant now = Instant.parse("2024-06-30T00:00:00Z");
        Signal.Live cell = new Signal.Live("ORG", "MANAGEMENT", "NOT_DISCLOSED", 200, 0.02, 0.05, 0.4, 0.001, 0.9);
        AlertRules everyGroup = new AlertRules(AlertThresholds.defaults(), java.util.Set.of("NOT_DISCLOSED"));
        AlertState opened = AlertLifecycle.next(null, Rule.REPRESENTATION_GAP, cell, everyGroup.representationGap(cell),
                now).state();
        AlertLifecycle.Outcome after = AlertLifecycle.next(opened, Rule.REPRESENTATION_GAP, cell,
                RULES.representationGap(cell), now.plusSeconds(60));
        assertThat(after.state().status()).isEqualTo(Status.RESOLVED);
        assertThat(after.state().resolution()).isEqualTo(Resolution.NOT_APPLICABLE);
        assertThat(after.state().figures()).isEmpty();
        assertThat(after.state().explanation()).isEqualTo("Not disclosed representation in ORG × MANAGEMENT is no "
                + "longer evaluated for this group (the rule applies to the equity groups only), so the alert is "
                + "closed.");
    }

    @Test
    void anOpenAlertWhoseCellCanNoLongerBeMeasuredClosesWithoutItsFigures() {
        Instant now = Instant.parse("2024-06-30T00:00:00Z");
        Signal.Live gap = black(104, 0.0, 0.05, 0.0, 0.004);
        AlertState open = AlertLifecycle.next(null, Rule.REPRESENTATION_GAP, gap, RULES.representationGap(gap), now)
                .state();
        assertThat(open.explanation()).contains("0.0%", "headcount 104");

        Signal.Live suppressed = black(308, null, 0.05, null, null);
        AlertLifecycle.Outcome closed = AlertLifecycle.next(open, Rule.REPRESENTATION_GAP, suppressed,
                RULES.representationGap(suppressed), now.plusSeconds(60));
        assertThat(closed.transition()).isEqualTo(Status.RESOLVED);
        assertThat(closed.state().resolution()).isEqualTo(Resolution.UNMEASURABLE);
        assertThat(closed.state().figures()).as("the figures are no longer true").isEmpty();
        assertThat(closed.state().severity()).as("as it was while open").isEqualTo(open.severity());
        assertThat(closed.state().firstSeen()).isEqualTo(now);
        assertThat(closed.state().explanation()).isEqualTo("Black representation in PUBLIC_SAFETY × MANAGEMENT can no "
                + "longer be measured from published figures (too few people, a figure withheld as small, no "
                + "benchmark, or the cell is gone), so the alert is closed; it opens again if published figures show "
                + "the finding again.").doesNotContain("104", "0.0%");

        Signal.Live between = black(308, 0.041, 0.05, 0.82, 0.03);
        assertThat(AlertLifecycle.next(closed.state(), Rule.REPRESENTATION_GAP, between,
                RULES.representationGap(between), now.plusSeconds(120)).changed())
                .as("measurable again but between the thresholds: stays closed").isFalse();
        Signal.Live again = black(308, 0.02, 0.05, 0.4, 0.001);
        AlertLifecycle.Outcome reopened = AlertLifecycle.next(closed.state(), Rule.REPRESENTATION_GAP, again,
                RULES.representationGap(again), now.plusSeconds(180));
        assertThat(reopened.transition()).isEqualTo(Status.OPEN);
        assertThat(reopened.state().resolution()).isNull();
    }

    @Test
    void aClosedAlertWithoutOneNeverOpens() {
        Signal.Live suppressed = black(308, null, 0.05, null, null);
        assertThat(AlertLifecycle.next(null, Rule.REPRESENTATION_GAP, suppressed,
                RULES.representationGap(suppressed), Instant.EPOCH).changed()).isFalse();
    }

    @Test
    void aCellHoveringAtTheThresholdDoesNotFlap() {
        AlertState state = null;
        int transitions = 0;
        Instant now = Instant.parse("2024-06-30T00:00:00Z");
        double[] indexes = {0.79, 0.81, 0.79, 0.82, 0.78, 0.83, 0.80, 0.79};
        for (double index : indexes) {
            Signal.Live cell = black(300, index * 0.05, 0.05, index, 0.01);
            AlertLifecycle.Outcome outcome = AlertLifecycle.next(state, Rule.REPRESENTATION_GAP, cell,
                    RULES.representationGap(cell), now);
            state = outcome.state();
            transitions += outcome.transition() == null ? 0 : 1;
            now = now.plusSeconds(60);
        }
        assertThat(transitions).isEqualTo(1);
        assertThat(state.status()).isEqualTo(Status.OPEN);

        Signal.Live closed = black(300, 0.045, 0.05, 0.9, 0.3);
        AlertLifecycle.Outcome resolved = AlertLifecycle.next(state, Rule.REPRESENTATION_GAP, closed,
                RULES.representationGap(closed), now);
        assertThat(resolved.transition()).isEqualTo(Status.RESOLVED);
        assertThat(resolved.state().resolution()).isEqualTo(Resolution.CLEARED);
        assertThat(resolved.state().figures()).as("the figures that cleared it").containsEntry("representationIndex",
                0.9);
        assertThat(resolved.state().firstSeen()).isEqualTo(Instant.parse("2024-06-30T00:00:00Z"));
        assertThat(AlertLifecycle.next(resolved.state(), Rule.REPRESENTATION_GAP, closed,
                RULES.representationGap(closed), now).changed()).as("resolved once").isFalse();
    }

    @Test
    void aSeverityChangeIsAnUpdate() {
        Signal.Live mild = black(300, 0.0375, 0.05, 0.75, 0.04);
        AlertState open = AlertLifecycle.next(null, Rule.REPRESENTATION_GAP, mild, RULES.representationGap(mild),
                Instant.EPOCH).state();
        Signal.Live severe = black(300, 0.02, 0.05, 0.4, 0.0001);
        AlertLifecycle.Outcome updated = AlertLifecycle.next(open, Rule.REPRESENTATION_GAP, severe,
                RULES.representationGap(severe), Instant.EPOCH.plusSeconds(1));
        assertThat(updated.transition()).isEqualTo(Status.UPDATED);
        assertThat(updated.state().severity()).isEqualTo(Severity.HIGH);
    }
}
