package dev.dsim.service.kv;

import dev.dsim.service.Values;

/**
 * How a replica lays out one key on disk: the version (8 bytes), the value (8 bytes), then the
 * rest of the value's bytes, a pattern derived from the value. The layout exists so that a
 * flipped bit has somewhere to land: in the version it reorders writes, in the value or the
 * rest it turns the value into one nobody wrote.
 *
 * <p>The replica cannot tell a damaged block from a good one (only a checksum can); decoding
 * here plays the simulator, which knows, and reports a damaged value as {@link Values#garble}.
 */
final class StoredValue {
  static final int HEADER = 16;

  private StoredValue() {}

  /** The block for ({@code version}, {@code value}) of {@code valueBytes} bytes. */
  static byte[] encode(long version, long value, int valueBytes) {
    byte[] b = new byte[Math.max(HEADER, valueBytes + 8)];
    putLong(b, 0, version);
    putLong(b, 8, value);
    for (int i = HEADER; i < b.length; i++) {
      b[i] = filler(value, i);
    }
    return b;
  }

  /** The version stored in a block (possibly damaged). */
  static long version(byte[] b) {
    return b.length < HEADER ? 0 : getLong(b, 0);
  }

  /** True when the block is exactly what encoding its version and value gives. */
  static boolean intact(byte[] b) {
    if (b.length < HEADER) {
      return false;
    }
    long value = getLong(b, 8);
    for (int i = HEADER; i < b.length; i++) {
      if (b[i] != filler(value, i)) {
        return false;
      }
    }
    return true;
  }

  /** The value a reader of this block gets: garbage when the block is damaged. */
  static long valueSeen(byte[] b) {
    if (b.length < HEADER) {
      return Values.garble(0);
    }
    long value = getLong(b, 8);
    return intact(b) ? value : Values.garble(value);
  }

  private static byte filler(long value, int i) {
    return (byte) ((value >>> ((i & 7) * 8)) ^ i);
  }

  private static void putLong(byte[] b, int at, long v) {
    for (int i = 0; i < 8; i++) {
      b[at + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  private static long getLong(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[at + i] & 0xFF);
    }
    return v;
  }
}
