package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ca.calgary.representation.metrics.GoldenCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden case through the real topology, in the file's arrival order, matched row by row. */
class RepresentationTopologyGoldenTest {

    static List<GoldenCase> cases() {
        return GoldenCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTopologyMatchesTheGoldenCase(GoldenCase golden) {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(golden.config(), golden.asOf())) {
            golden.benchmarks().forEach(topology::benchmark);
            golden.events().forEach(topology::pipe);
            topology.publish();

            assertThat(golden.mismatches(topology.latestFigures())).isEmpty();
        }
    }
}
