package dev.dsim.engine;

import java.util.Locale;

/**
 * A streaming 64-bit hash over every fired event: (time, kind, node, detail).
 *
 * <p>Two runs with the same fingerprint fired the same events at the same times in the same
 * order, with overwhelming probability. The mixing is xxHash64's round and avalanche functions,
 * chosen because they are fast, well studied and defined on plain longs, so the value is the same
 * on every JVM and platform.
 */
public final class TraceFingerprint {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;

  private long acc = P3;
  private long count;

  /** Folds one fired event into the hash. */
  public void add(long timeNanos, long kindCode, int node, long detail) {
    long a = acc;
    a = round(a, timeNanos);
    a = round(a, kindCode);
    a = round(a, node);
    a = round(a, detail);
    acc = a;
    count++;
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  /** The fingerprint so far (does not change the state). */
  public long value() {
    long h = acc ^ count;
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  /** The fingerprint as 16 lowercase hex digits, as reported in results.json. */
  public String hex() {
    return toHex(value());
  }

  public static String toHex(long value) {
    return String.format(Locale.ROOT, "%016x", value);
  }
}
