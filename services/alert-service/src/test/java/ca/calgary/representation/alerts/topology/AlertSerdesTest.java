package ca.calgary.representation.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.core.AlertState;
import ca.calgary.representation.alerts.core.CellHistory;
import ca.calgary.representation.alerts.core.Resolution;
import ca.calgary.representation.alerts.core.Measure;
import ca.calgary.representation.alerts.core.Signal;
import org.junit.jupiter.api.Test;

/**
 * The alert topology's own formats and records: today's round-trip, and what the release before measures wrote
 * still reads.
 */
class AlertSerdesTest {

    @Test
    void comparisonsAndHistoriesRoundTrip() {
        Signal comparison = new Signal.Comparison("ORG", "LEADERSHIP", "BLACK", Measure.COMPETITION_SELECTION,
                "R12M-2024-Q2", "WHITE_ONLY", 40L, null, 0.25, 0.5, 0.01);
        assertThat(AlertSerdes.signal().deserializer().deserialize("t",
                AlertSerdes.signal().serializer().serialize("t", comparison))).isEqualTo(comparison);
        CellHistory history = CellHistory.EMPTY.withQuarter("2024-Q2", 0.05)
                .withRollingPeriod(Measure.Source.FLOWS, "R12M-2024-Q2")
                .withRollingPeriod(Measure.Source.COMPETITIONS, "R12M-2024-Q1");
        assertThat(AlertSerdes.cellHistory().deserializer().deserialize("t",
                AlertSerdes.cellHistory().serializer().serialize("t", history))).isEqualTo(history);
    }

    @Test
    void goalSignalsRoundTripPublishedOrWithheld() {
        for (Signal goal : List.of(
                new Signal.Goal("UNIT:City/Public Safety", "LEADERSHIP", "BLACK", 0.15, "2027-12-31", 0.11, 5L),
                new Signal.Goal("ORG", "ALL", "METIS", null, null, null, null))) {
            assertThat(AlertSerdes.signal().deserializer().deserialize("t",
                    AlertSerdes.signal().serializer().serialize("t", goal))).isEqualTo(goal);
        }
    }

    @Test
    void formatOnesPromotionSignalAndHistoryStillRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1); // format
            out.writeByte(2); // promotion
            out.writeUTF("ORG");
            out.writeUTF("LEADERSHIP");
            out.writeUTF("BLACK");
            out.writeUTF("R12M-2024-Q2");
            out.writeUTF("WHITE_ONLY");
            out.writeBoolean(true);
            out.writeLong(50);
            out.writeBoolean(true);
            out.writeLong(100);
            out.writeBoolean(true);
            out.writeDouble(0.08);
            out.writeBoolean(true);
            out.writeDouble(0.4);
            out.writeBoolean(false);
        }
        assertThat(AlertSerdes.signal().deserializer().deserialize("t", bytes.toByteArray())).isEqualTo(
                new Signal.Comparison("ORG", "LEADERSHIP", "BLACK", Measure.PROMOTION, "R12M-2024-Q2", "WHITE_ONLY",
                        50L, 100L, 0.08, 0.4, null));

        bytes.reset();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(1);
            out.writeUTF("2024-Q2");
            out.writeBoolean(true);
            out.writeDouble(0.05);
            out.writeBoolean(true);
            out.writeUTF("R12M-2024-Q2");
        }
        assertThat(AlertSerdes.cellHistory().deserializer().deserialize("t", bytes.toByteArray())).isEqualTo(
                new CellHistory(new TreeMap<>(Map.of("2024-Q2", 0.05)),
                        Map.of(Measure.Source.FLOWS, "R12M-2024-Q2")));
    }

    @Test
    void anAlertWrittenBeforeMeasuresKeepsItsIdAndReadsAsAPromotionComparison() {
        Alert before = Alert.newBuilder().setAlertId("ADVERSE_IMPACT|ORG|LEADERSHIP|BLACK").setRule("ADVERSE_IMPACT")
                .setScope("ORG").setTier("LEADERSHIP").setGroup("BLACK").setStatus("RESOLVED").setSeverity("LOW")
                .setFigures(Map.of()).setThresholds(Map.of()).setExplanation("...").setFirstSeen(Instant.EPOCH)
                .setLastUpdated(Instant.EPOCH).build();
        AlertState state = AlertRecords.fromAvro(before);
        assertThat(state.measure()).isEqualTo(Measure.PROMOTION);
        assertThat(state.resolution()).isEqualTo(Resolution.CLEARED);
        assertThat(state.id()).isEqualTo(before.getAlertId());
    }
}
