package ca.calgary.representation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class ProblemExceptionHandlerTest {

    record Limits(BigDecimal share, Integer year, List<Integer> years, Limits inner) {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"share\": NaN}                      | share",
            "{\"year\": \"soon\"}                  | year",
            "{\"years\": [2020, \"x\"]}            | years[1]",
            "{\"inner\": {\"share\": \"many\"}}    | inner.share",
            "{\"share\": 0.5,                      | body",
            "not json                              | body"})
    void namesWhereInTheBodyReadingStopped(String body, String field) {
        JacksonException e = catchThrowableOfType(JacksonException.class,
                () -> JsonMapper.builder().build().readValue(body, Limits.class));

        assertThat(ProblemExceptionHandler.field(e)).isEqualTo(field);
    }
}
