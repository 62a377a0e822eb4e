package ca.calgary.representation.ingest.core;

import static ca.calgary.representation.ingest.core.CanonicalEventReaderTest.HIRED;
import static ca.calgary.representation.ingest.core.CanonicalEventReaderTest.SELF_ID;
import static ca.calgary.representation.ingest.core.CanonicalEventReaderTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BatchValidatorTest {

    private final BatchValidator validator = new BatchValidator(CanonicalEventReaderTest.HIRING);

    @Test
    void aValidBatchKeepsInputOrder() {
        BatchValidator.Result result = validator.validate(List.of(
                new BatchValidator.Item(0, json(HIRED)), new BatchValidator.Item(1, json(SELF_ID))), List.of());

        assertThat(result.isValid()).isTrue();
        assertThat(result.events()).extracting(ValidatedEvent::eventId).containsExactly("ev-1", "ev-2");
    }

    @Test
    void oneBadItemRefusesTheWholeBatchAndEveryProblemIsNumbered() {
        BatchValidator.Result result = validator.validate(List.of(
                new BatchValidator.Item(0, json(HIRED)),
                new BatchValidator.Item(1, json(HIRED.replace("ev-1", "ev-3").replace("FRONTLINE", "CAPTAIN"))),
                new BatchValidator.Item(2, json(SELF_ID.replace("RESPONDED", "MAYBE")))), List.of());

        assertThat(result.isValid()).isFalse();
        assertThat(result.events()).isEmpty();
        assertThat(result.violations()).extracting(Violation::item).containsExactly(1, 2);
    }

    @Test
    void anExactRepeatWithinTheBatchCountsOnce() {
        BatchValidator.Result result = validator.validate(List.of(
                new BatchValidator.Item(0, json(HIRED)), new BatchValidator.Item(1, json(HIRED))), List.of());

        assertThat(result.events()).hasSize(1);
        assertThat(result.repeats()).isEqualTo(1);
    }

    @Test
    void aReusedEventIdWithOtherContentIsRefused() {
        BatchValidator.Result result = validator.validate(List.of(
                new BatchValidator.Item(0, json(HIRED)),
                new BatchValidator.Item(1, json(HIRED.replace("FRONTLINE", "SUPERVISOR")))), List.of());

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.item()).isEqualTo(1);
            assertThat(v.code()).isEqualTo(Violation.Code.CONFLICTING_EVENT_ID);
            assertThat(v.reason()).contains("item 0");
        });
    }
}
