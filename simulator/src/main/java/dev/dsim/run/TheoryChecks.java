package dev.dsim.run;

import dev.dsim.run.theory.Prediction;
import java.util.List;

/**
 * A run's figures set beside what theory predicted for them: the measured value of each
 * {@link Prediction}, taken from the {@link RunResult} as {@code expect} reads it, and, for
 * per-node figures, the mean over the prediction's nodes.
 */
public final class TheoryChecks {
  /**
   * How close a measurement must come to agree with a prediction when there is no interval to
   * judge by: 2% of the predicted value.
   */
  public static final double TOLERANCE = 0.02;

  private TheoryChecks() {}

  /**
   * What run {@code r} measured of {@code p}'s figure (NaN when the run did not measure it).
   * Utilisation is the nodes' busy core-time over the time clients sent requests, so the drain
   * after the load ends does not dilute it.
   */
  public static double measured(Prediction p, RunResult r) {
    switch (p.metric()) {
      case "utilisation": {
        double stretch = r.simulated().seconds() / r.theory().loadSeconds();
        return meanOver(p.nodes(), r, true) * stretch;
      }
      case "uptime":
        return meanOver(p.nodes(), r, false);
      default: {
        Double v = Expectations.value(p.metric(), r);
        return v == null ? Double.NaN : v;
      }
    }
  }

  /** The relative error of {@code measured} against the prediction (NaN when not measured). */
  public static double error(Prediction p, double measured) {
    return p.value() == 0 ? measured - p.value() : (measured - p.value()) / p.value();
  }

  /** Whether a single measurement agrees: within {@link #TOLERANCE} of the prediction. */
  public static boolean agrees(Prediction p, double measured) {
    return Math.abs(error(p, measured)) <= TOLERANCE;
  }

  private static double meanOver(List<String> names, RunResult r, boolean utilisation) {
    double sum = 0;
    int n = 0;
    java.util.Set<String> wanted = new java.util.HashSet<>(names);
    for (RunResult.NodeResult node : r.nodes()) {
      if (wanted.contains(node.name())) {
        sum += utilisation ? node.utilisation() : node.uptime();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
