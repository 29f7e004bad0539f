package dev.dsim.run.theory;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a model predicts for one figure of a run, and on what grounds.
 *
 * @param metric the figure, named as {@code expect} names it ({@code latencyMs.mean},
 *     {@code availability}, {@code throughput}) or a per-node one ({@code utilisation},
 *     {@code uptime})
 * @param subject what it is about: "end to end", or a tier
 * @param nodes for per-node figures, the nodes whose mean it predicts (empty otherwise)
 * @param model the model, by its textbook name ("M/M/4 (Erlang C)")
 * @param assumptions what must hold for the model to apply, each checked on the scenario
 * @param value the prediction, in the metric's unit (ms for latency, per second for throughput,
 *     a fraction for availability, utilisation and uptime)
 * @param exact true when the model is exact for the scenario as simulated; false for a
 *     named approximation (then the assumptions say which)
 */
public record Prediction(String metric, String subject, List<String> nodes, String model,
    List<String> assumptions, double value, boolean exact) implements Serializable {
  public Prediction {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(model, "model");
    nodes = List.copyOf(nodes);
    assumptions = List.copyOf(assumptions);
  }
}
