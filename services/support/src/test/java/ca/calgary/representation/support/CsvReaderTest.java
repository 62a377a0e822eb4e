package ca.calgary.representation.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void plainRowsWithTheirLines() {
        assertThat(CsvReader.read("a,b,c\n1,2,3\n"))
                .containsExactly(new CsvReader.Row(1, List.of("a", "b", "c")), new CsvReader.Row(2, List.of("1", "2", "3")));
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvReader.Row> rows = CsvReader.read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\nlast,row");

        assertThat(rows).containsExactly(
                new CsvReader.Row(1, List.of("a", "b")),
                new CsvReader.Row(2, List.of("x, y", "say \"hi\"")),
                new CsvReader.Row(3, List.of("two\nlines", "z")),
                new CsvReader.Row(5, List.of("last", "row")));
    }

    @Test
    void emptyCellsBlankLinesAndAByteOrderMark() {
        assertThat(CsvReader.read("\uFEFFa,b,c\n\n1,,\n")).containsExactly(
                new CsvReader.Row(1, List.of("a", "b", "c")), new CsvReader.Row(3, List.of("1", "", "")));
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereTheRecordStarts() {
        assertThatThrownBy(() -> CsvReader.read("a,b\n1,2\n\"open,3\n4,5\n"))
                .isInstanceOf(CsvReader.MalformedCsvException.class)
                .hasMessage("line 3: a quoted field is not closed");
    }

    @Test
    void aStrayQuoteIsRefusedWithItsLine() {
        assertThatThrownBy(() -> CsvReader.read("a,b\n1,2\nx\"y,3\n"))
                .isInstanceOf(CsvReader.MalformedCsvException.class)
                .hasMessageStartingWith("line 3: a quote inside an unquoted field");
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        assertThatThrownBy(() -> CsvReader.read("a,b\n\"x\"y,2\n"))
                .hasMessageStartingWith("line 2: unexpected 'y' after a closing quote");
    }
}
