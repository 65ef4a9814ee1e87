package io.circuitos.ml;

import java.io.PrintStream;

/** A one-line text progress bar for long commands; redraws in place on a terminal. */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final int total;
    private int done;

    public ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    public void step(String what) {
        done = Math.min(total, done + 1);
        int filled = WIDTH * done / total;
        out.printf("\r[%s%s] %3d%% %-40s", "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * done / total, what);
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
