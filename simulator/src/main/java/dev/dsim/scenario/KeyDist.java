package dev.dsim.scenario;

/**
 * How clients pick keys ({@code clients.keyDist}), for the typed builder: uniform, or Zipf with
 * an exponent ({@link Build#uniformKeys}, {@link Build#zipf}). Zipf writes the object form
 * {@code {"dist": "zipf", "exponent": 0.99}}, which names its exponent.
 *
 * @param zipfExponent the Zipf exponent, or 0 for uniform keys
 */
public record KeyDist(double zipfExponent) {
  /** Every key equally likely. */
  public static final KeyDist UNIFORM = new KeyDist(0);
}
