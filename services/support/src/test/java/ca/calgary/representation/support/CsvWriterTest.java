package ca.calgary.representation.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesOnlyWhatMustBeQuotedAndReadsBackAsWritten() {
        List<Object> values = Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, 42, List.of("X", "Y"));
        String row = CsvWriter.row(values);
        assertThat(row).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,42,X;Y\r\n");
        assertThat(CsvReader.read(row).get(0).cells())
                .containsExactly("plain", "a,b", "say \"hi\"", "two\nlines", "", "42", "X;Y");
    }
}
