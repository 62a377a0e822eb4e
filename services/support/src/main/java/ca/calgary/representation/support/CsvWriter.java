package ca.calgary.representation.support;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV, the other way round from {@link CsvReader}: a field is quoted only when it must be (comma, quote or
 * line break inside), quotes are doubled; absent values are empty fields; lists are joined with {@code ;} (the
 * list separator of every CSV layout of the project); records end with CRLF.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    /** One record, CRLF-terminated. */
    public static String row(Collection<?> values) {
        return values.stream().map(CsvWriter::field).collect(Collectors.joining(",")) + "\r\n";
    }

    /** One field, quoted when needed. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(";")) : value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
