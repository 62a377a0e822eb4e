package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ca.calgary.representation.metrics.GoldenCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The domain core alone (reference fold + calculator) passes every golden case. */
class GoldenCasesReferenceTest {

    static List<GoldenCase> cases() {
        return GoldenCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCoreMatchesTheGoldenCase(GoldenCase golden) {
        var table = ReferenceFold.table(golden.events(), golden.asOf(), golden.config());
        var figures = new RepresentationCalculator(golden.config().minCellSize())
                .figures(table, new Benchmarks(golden.benchmarks()), golden.asOf());

        assertThat(golden.mismatches(figures)).isEmpty();
    }
}
