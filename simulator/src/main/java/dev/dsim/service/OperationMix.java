package dev.dsim.service;

/**
 * What clients ask a data tier: a fraction of reads (the rest are writes) over {@code keys} keys
 * chosen uniformly or by a Zipf law (a few hot keys take most requests, as in real workloads),
 * each value {@code valueBytes} long.
 *
 * @param zipfExponent 0 for uniform keys; otherwise the Zipf exponent (0.99 is the YCSB default)
 */
public record OperationMix(double readFraction, int keys, double zipfExponent, int valueBytes) {
  public OperationMix {
    if (!(readFraction >= 0 && readFraction <= 1)) {
      throw new IllegalArgumentException("reads must be a fraction in [0, 1]: " + readFraction);
    }
    if (keys < 1 || valueBytes < 1 || !(zipfExponent >= 0)) {
      throw new IllegalArgumentException("need keys >= 1, valueBytes >= 1, zipf exponent >= 0");
    }
  }
}
