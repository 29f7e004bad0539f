package dev.dsim.cli;

import dev.dsim.run.RunEstimate;
import dev.dsim.scenario.Scenario;

/**
 * The up-front size check that {@code run} and {@code validate} share: a run estimated beyond the
 * event bound ({@code --max-events}) or beyond the heap is refused with its estimate, and a large
 * one is worth a note. It only judges; the commands print and choose the exit code.
 */
final class SizeCheck {
  /** Why a run is refused, and how to make it fit. */
  record Refusal(String message, String hint) {}

  private SizeCheck() {}

  /** The refusal of {@code s} under these bounds, or null when it fits. */
  static Refusal refusal(Scenario s, long maxEvents, long heapBytes) {
    RunEstimate e = RunEstimate.of(s);
    String what = s.name() + " (" + ScenarioOptions.variantName(s) + ")";
    if (e.events() > maxEvents) {
      return new Refusal(what + " would be too large: " + e.describe() + ", beyond --max-events "
          + maxEvents, "shorten \"duration\", lower the load (--set clients.rate=...) or the "
          + "periodic work (longer fsync, heartbeat and health-check intervals), or raise "
          + "--max-events if you mean it");
    }
    if (e.bytes() > 0.9 * heapBytes) {
      return new Refusal(what + " would not fit in memory: " + e.describe()
          + ", and this JVM may use " + (heapBytes >> 20) + " MiB",
          "give Java more heap (java -Xmx8g -jar ...), or run fewer nodes, keys or requests");
    }
    return null;
  }

  /** A note for a run that fits but is large, or null. */
  static String note(Scenario s) {
    RunEstimate e = RunEstimate.of(s);
    return e.isLarge() ? s.name() + " (" + ScenarioOptions.variantName(s) + ") is a large run: "
        + e.describe() + "; --max-events bounds it" : null;
  }

  /** The heap this JVM may use. */
  static long heapBytes() {
    return Runtime.getRuntime().maxMemory();
  }
}
