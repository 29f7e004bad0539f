package dev.dsim.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar with an ETA on stderr, redrawn in place; only on a terminal (in a log
 * or a pipe it would be noise), and at most ten times a second. A sweep that runs for hours
 * with its stderr in a log (a Spark driver's) can ask for a plain line every so often instead.
 */
final class Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private final String unit;
  private final long logEveryNanos;
  private final long start = System.nanoTime();
  private long lastDraw;
  private long lastLog = start;

  Progress(PrintWriter err, boolean enabled, String unit) {
    this(err, enabled, unit, 0);
  }

  /**
   * @param logEveryNanos when the bar is off, a line "progress: ..." at most this often, and
   *     none in the first interval (0: never)
   */
  Progress(PrintWriter err, boolean enabled, String unit, long logEveryNanos) {
    this.err = err;
    this.enabled = enabled;
    this.unit = unit;
    this.logEveryNanos = logEveryNanos;
  }

  /** True when stdout and stdin are a terminal (Java cannot ask about stderr alone). */
  static boolean onTerminal() {
    return System.console() != null;
  }

  synchronized void update(int done, int total, int failing) {
    if (!enabled) {
      log(done, total, failing);
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    double elapsed = (now - start) / 1e9;
    String eta = done == 0 ? "--:--" : clock(elapsed / done * (total - done));
    err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d %s  %d failing  elapsed %s  ETA %s ",
        "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, unit, failing,
        clock(elapsed), eta));
    err.flush();
  }

  private void log(int done, int total, int failing) {
    long now = System.nanoTime();
    if (logEveryNanos <= 0 || done >= total || now - lastLog < logEveryNanos) {
      return;
    }
    lastLog = now;
    double elapsed = (now - start) / 1e9;
    err.println(String.format(Locale.ROOT, "progress: %d/%d %s, %d failing, elapsed %s, ETA %s",
        done, total, unit, failing, clock(elapsed), clock(elapsed / done * (total - done))));
    err.flush();
  }

  /** Ends the bar's line so that what follows starts on its own. */
  synchronized void finish() {
    if (enabled) {
      err.println();
      err.flush();
    }
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
