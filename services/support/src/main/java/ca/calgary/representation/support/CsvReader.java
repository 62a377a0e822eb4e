package ca.calgary.representation.support;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (quotes doubled inside; commas and line breaks
 * allowed there), CRLF or LF line ends, a UTF-8 byte-order mark tolerated (spreadsheet exports write one). Each
 * record carries the line on which it starts, for error messages. Blank lines are skipped.
 */
public final class CsvReader {

    /** One CSV record and the 1-based line it starts on. */
    public record Row(int line, List<String> cells) {
    }

    /** The text is not well-formed CSV. */
    public static final class MalformedCsvException extends RuntimeException {
        private final int line;

        MalformedCsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private CsvReader() {
    }

    public static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < text.length()) {
            int rowStart = line;
            List<String> cells = new ArrayList<>();
            boolean rowEnded = false;
            while (!rowEnded) {
                StringBuilder cell = new StringBuilder();
                if (i < text.length() && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= text.length()) {
                            throw new MalformedCsvException(rowStart, "a quoted field is not closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < text.length() && text.charAt(i) == '"') {
                                cell.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            cell.append(c);
                        }
                    }
                    if (i < text.length() && !isSeparator(text.charAt(i))) {
                        throw new MalformedCsvException(line, "unexpected '" + text.charAt(i)
                                + "' after a closing quote");
                    }
                } else {
                    while (i < text.length() && !isSeparator(text.charAt(i))) {
                        char c = text.charAt(i++);
                        if (c == '"') {
                            throw new MalformedCsvException(line, "a quote inside an unquoted field; quote the whole"
                                    + " field and double the quote");
                        }
                        cell.append(c);
                    }
                }
                cells.add(cell.toString());
                if (i >= text.length()) {
                    rowEnded = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    i += text.startsWith("\r\n", i) ? 2 : 1;
                    line++;
                    rowEnded = true;
                }
            }
            boolean blank = cells.size() == 1 && cells.get(0).isEmpty();
            if (!blank) {
                rows.add(new Row(rowStart, List.copyOf(cells)));
            }
        }
        return rows;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }
}
