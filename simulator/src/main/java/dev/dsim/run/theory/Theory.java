package dev.dsim.run.theory;

import java.io.Serializable;
import java.util.List;

/**
 * What theory says about one scenario (one variant): the figures a model predicts, those no
 * model covers (with why), and each tier's load against its capacity.
 *
 * @param loadSeconds how long clients send requests (the scenario's duration): per-node
 *     figures such as utilisation are compared over this time, not over the drain after it
 */
public record Theory(List<Prediction> predictions, List<Inapplicable> inapplicable,
    List<TierLoad> loads, double loadSeconds) implements Serializable {
  public Theory {
    predictions = List.copyOf(predictions);
    inapplicable = List.copyOf(inapplicable);
    loads = List.copyOf(loads);
  }

  /** The capacity warnings: one per overloaded tier. */
  public List<String> warnings() {
    return loads.stream().filter(TierLoad::overloaded).map(TierLoad::warning).toList();
  }
}
