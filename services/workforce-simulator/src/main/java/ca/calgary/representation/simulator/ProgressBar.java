package ca.calgary.representation.simulator;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place on a terminal; where the output is not a terminal (a log, CI), a line
 * every tenth of the way instead.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final long startedAt;
    private final long startNanos = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private int lastTenth = -1;

    ProgressBar(PrintStream out, long total, long startedAt) {
        this.out = out;
        this.total = Math.max(1, total);
        this.startedAt = startedAt;
        if (startedAt > 0) {
            out.printf(Locale.ROOT, "Resuming after %,d events already accepted.%n", startedAt);
        }
    }

    void update(long done, String simulatedTo) {
        double fraction = (double) done / total;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? (done - startedAt) / seconds : 0;
        String eta = rate > 0 ? String.format(Locale.ROOT, "%ds left", Math.round((total - done) / rate)) : "";
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format(Locale.ROOT, "[%s%s] %3d%%  %,d/%,d events  up to %s  %,.0f events/s  %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(100 * fraction), done, total, simulatedTo,
                rate, eta);
        if (terminal) {
            out.print("\r" + line + "   ");
            out.flush();
        } else if ((int) (fraction * 10) > lastTenth) {
            lastTenth = (int) (fraction * 10);
            out.println(line);
        }
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }
}
