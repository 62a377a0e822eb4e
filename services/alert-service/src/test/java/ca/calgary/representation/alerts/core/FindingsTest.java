package ca.calgary.representation.alerts.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FindingsTest {

    private static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void aGapInThreeSiblingUnitsAndTheirParentIsOneFindingHeadedByTheParent() {
        AlertState parent = gap("UNIT:City/Operations", "ALL", "BLACK", 0.03, 0.08, 900, 0.001, Severity.MEDIUM);
        AlertState water = gap("UNIT:City/Operations/Water", "ALL", "BLACK", 0.02, 0.08, 300, 0.01, Severity.HIGH);
        AlertState roads = gap("UNIT:City/Operations/Roads", "ALL", "BLACK", 0.03, 0.08, 300, 0.02, Severity.LOW);
        AlertState parks = gap("UNIT:City/Operations/Parks", "ALL", "BLACK", 0.04, 0.08, 300, 0.04, Severity.LOW);

        List<Findings.Finding> findings = Findings.of(List.of(water, roads, parent, parks));

        assertThat(findings).hasSize(1);
        Findings.Finding finding = findings.get(0);
        assertThat(finding.id()).isEqualTo(parent.id());
        assertThat(finding.beneath()).extracting(AlertState::scope).containsExactly(
                "UNIT:City/Operations/Parks", "UNIT:City/Operations/Roads", "UNIT:City/Operations/Water");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.explanation()).endsWith("The same holds in 3 cells beneath it.");
        // the head's shortfall: (8% - 3%) of 900 people, weighted by 1 - p
        assertThat(finding.priority()).isCloseTo(0.05 * 900 * 0.999, within(1e-9));
    }

    @Test
    void tiersRollUpIntoTheBroadestTierAndTheOrganisationHoldsEveryScope() {
        AlertState orgManagement = gap("ORG", "MANAGEMENT", "RACIALIZED", 0.20, 0.35, 400, 0.0001, Severity.HIGH);
        AlertState orgExecutive = gap("ORG", "EXECUTIVE", "RACIALIZED", 0.10, 0.35, 40, 0.01, Severity.HIGH);
        AlertState publicSafety = gap("PUBLIC_SAFETY", "SENIOR_LEADERSHIP", "RACIALIZED", 0.1, 0.35, 60, 0.01,
                Severity.MEDIUM);
        AlertState unitAll = gap("UNIT:City/Corporate", "ALL", "RACIALIZED", 0.2, 0.35, 500, 0.001, Severity.LOW);

        List<Findings.Finding> findings = Findings.of(List.of(orgExecutive, publicSafety, orgManagement, unitAll));

        // ORG × MANAGEMENT holds ORG × EXECUTIVE and PUBLIC_SAFETY × SENIOR_LEADERSHIP, not a unit's ALL tier
        assertThat(findings).extracting(Findings.Finding::id).containsExactlyInAnyOrder(orgManagement.id(),
                unitAll.id());
        Findings.Finding org = findings.stream().filter(f -> f.id().equals(orgManagement.id())).findFirst()
                .orElseThrow();
        assertThat(org.beneath()).containsExactly(orgExecutive, publicSafety);
    }

    @Test
    void aWorkingGroupsFindingStandsOnItsOwnBesideTheOrganisations() {
        AlertState organisation = gap("ORG", "ALL", "RACIALIZED", 0.20, 0.35, 4000, 0.0001, Severity.HIGH);
        AlertState members = gap("WORKING_GROUP:OPS", "ALL", "RACIALIZED", 0.05, 0.35, 40, 0.001, Severity.MEDIUM);
        AlertState leaders = gap("WORKING_GROUP:OPS", "LEADERSHIP", "RACIALIZED", 0.0, 0.35, 12, 0.005,
                Severity.MEDIUM);

        List<Findings.Finding> findings = Findings.of(List.of(organisation, members, leaders));

        assertThat(findings).extracting(Findings.Finding::id).containsExactlyInAnyOrder(organisation.id(),
                members.id());
        assertThat(findings.stream().filter(f -> f.id().equals(members.id())).findFirst().orElseThrow().beneath())
                .as("its leadership beneath its members").containsExactly(leaders);
    }

    @Test
    void differentGroupsRulesMeasuresAndOpenFromResolvedAreSeparateFindings() {
        AlertState black = gap("ORG", "ALL", "BLACK", 0.03, 0.08, 900, 0.001, Severity.MEDIUM);
        AlertState indigenous = gap("UNIT:City/Operations", "ALL", "INDIGENOUS", 0.01, 0.04, 300, 0.01,
                Severity.MEDIUM);
        AlertState resolved = withStatus(gap("UNIT:City/Operations", "ALL", "BLACK", 0.07, 0.08, 300, 0.3,
                Severity.LOW), Status.RESOLVED);
        AlertState promotion = adverse(Measure.PROMOTION, "ORG", "MANAGEMENT", "BLACK", 400, 0.05, 0.5, 0.01);
        AlertState separation = adverse(Measure.SEPARATION, "UNIT:City/Operations", "ALL", "BLACK", 300, 0.2, 0.6,
                0.01);

        assertThat(Findings.of(List.of(black, indigenous, resolved, promotion, separation))).hasSize(5);
    }

    @Test
    void findingsAreRankedByPeopleShortWeightedByConfidence() {
        // a large gap in a small cell against a modest gap in a large one: people, not percentages, rank
        AlertState smallCell = gap("UNIT:City/Fire", "EXECUTIVE", "INDIGENOUS", 0.0, 0.05, 20, 0.04, Severity.HIGH);
        AlertState largeCell = gap("ORG", "ALL", "BLACK", 0.06, 0.08, 2000, 0.001, Severity.LOW);
        // promoted at half the reference's rate (5% against 10%) from a pool of 400: 20 promotions short
        AlertState promotion = adverse(Measure.PROMOTION, "UNIT:City/Fire", "MANAGEMENT", "RACIALIZED", 400, 0.05,
                0.5, 0.01);
        // leaving at 20% where the reference leaves at 12% (ratio 0.6) among 300: 24 departures beyond parity
        AlertState separation = adverse(Measure.SEPARATION, "UNIT:City/Water", "ALL", "BLACK", 300, 0.2, 0.6, 0.0);

        List<Findings.Finding> ranked = Findings.of(List.of(smallCell, promotion, separation, largeCell));

        assertThat(ranked).extracting(Findings.Finding::id).containsExactly(largeCell.id(), separation.id(),
                promotion.id(), smallCell.id());
        assertThat(Findings.priority(largeCell)).isCloseTo(0.02 * 2000 * 0.999, within(1e-9));
        assertThat(Findings.priority(separation)).isCloseTo(24, within(1e-9));
        assertThat(Findings.priority(promotion)).isCloseTo(20 * 0.99, within(1e-9));
        assertThat(Findings.priority(smallCell)).isCloseTo(1 * 0.96, within(1e-9));
    }

    @Test
    void aGroupNeverPromotedCountsAsOnePersonShortAndLowResponseCountsMissingAnswers() {
        AlertState never = adverse(Measure.PROMOTION, "ORG", "EXECUTIVE", "BLACK", 30, 0.0, 0.0, 0.02);
        assertThat(Findings.priority(never)).isCloseTo(0.98, within(1e-9));

        AlertState lowResponse = new AlertState(Rule.LOW_RESPONSE, "ORG", "ALL", "TOTAL", null, Status.OPEN, null,
                Severity.MEDIUM, Map.of("responseRate", 0.4, "headcount", 1000.0),
                Map.of("responseRateBelow", 0.6), "", NOW, NOW);
        assertThat(Findings.priority(lowResponse)).isCloseTo(200, within(1e-9));
    }

    @Test
    void scopesAndTiersHoldOnlyWhatLiesWithinThem() {
        assertThat(Findings.scopeHolds("UNIT:City/Operations", "UNIT:City/Operations/Water")).isTrue();
        assertThat(Findings.scopeHolds("UNIT:City/Operations", "UNIT:City/OperationsSupport")).isFalse();
        assertThat(Findings.scopeHolds("PUBLIC_SAFETY", "SERVICE_LINE:POLICE")).isFalse();
        assertThat(Findings.scopeHolds("ORG", "SERVICE_LINE:POLICE")).isTrue();
        assertThat(Findings.scopeHolds("ORG", "WORKING_GROUP:ANTI-HATE-WG")).as("a body of its own").isFalse();
        assertThat(Findings.scopeHolds("WORKING_GROUP:ANTI-HATE-WG", "WORKING_GROUP:ANTI-HATE-WG")).isTrue();
        assertThat(Findings.scopeHolds("UNIT:City", "ORG")).isFalse();
        assertThat(Findings.tierHolds("LEADERSHIP", "EXECUTIVE")).isTrue();
        assertThat(Findings.tierHolds("EXECUTIVE", "LEADERSHIP")).isFalse();
    }

    private static AlertState gap(String scope, String tier, String group, double representation, double benchmark,
                                  int headcount, double pUnder, Severity severity) {
        return new AlertState(Rule.REPRESENTATION_GAP, scope, tier, group, null, Status.OPEN, null, severity,
                Map.of("representation", representation, "benchmark", benchmark, "representationIndex",
                        representation / benchmark, "pUnder", pUnder, "headcount", (double) headcount),
                Map.of(), "A gap in " + scope + " × " + tier + ".", NOW, NOW);
    }

    private static AlertState adverse(Measure measure, String scope, String tier, String group, int pool, double rate,
                                      double ratio, double fisherP) {
        return new AlertState(Rule.ADVERSE_IMPACT, scope, tier, group, measure, Status.OPEN, null, Severity.MEDIUM,
                Map.of("adverseImpactRatio", ratio, "fisherP", fisherP, "rate", rate, "pool", (double) pool,
                        "referencePool", 500.0), Map.of(), "Adverse impact in " + scope + ".", NOW, NOW);
    }

    private static AlertState withStatus(AlertState alert, Status status) {
        return new AlertState(alert.rule(), alert.scope(), alert.tier(), alert.group(), alert.measure(), status,
                status == Status.RESOLVED ? Resolution.CLEARED : null, alert.severity(), alert.figures(),
                alert.thresholds(), alert.explanation(), alert.firstSeen(), alert.lastUpdated());
    }
}
