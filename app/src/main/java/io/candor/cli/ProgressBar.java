package io.candor.cli;

import java.util.Locale;

/** A one-line progress bar: {@code [#######.........]  43%  120,000 rows  8,500 rows/s  ETA 0:12}. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(long done, long total, long rows, double seconds) {
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = seconds > 0 ? rows / seconds : 0;
        String eta = fraction > 0 && fraction < 1 ? clock(seconds / fraction - seconds) : "--:--";
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d rows  %,.0f rows/s  ETA %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, rows, rate, eta);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s / 60 + ":" + String.format(Locale.ROOT, "%02d", s % 60);
    }
}
