package dev.dsim.service.kv;

import dev.dsim.service.Values;
import java.util.Arrays;

/**
 * How a replica lays out one key on disk: the version (8 bytes), the value (8 bytes), then the
 * rest of the value's bytes: a fixed filler pattern, ending with a second copy of the value. The
 * layout exists so that a flipped bit has somewhere to land: in the version it reorders writes,
 * anywhere else it turns the value into one nobody wrote. (Checking a block compares it with the
 * pattern in bulk, which the JIT vectorises: reads are the store's hot path.)
 *
 * <p>The replica cannot tell a damaged block from a good one (only a checksum can); decoding
 * here plays the simulator, which knows, and reports a damaged value as {@link Values#garble}.
 */
final class StoredValue {
  static final int HEADER = 16;

  private StoredValue() {}

  /** The block for ({@code version}, {@code value}) of {@code valueBytes} bytes. */
  static byte[] encode(long version, long value, int valueBytes) {
    byte[] b = new byte[Math.max(HEADER + 8, valueBytes + 8)];
    putLong(b, 0, version);
    putLong(b, 8, value);
    System.arraycopy(filler(b.length), HEADER, b, HEADER, b.length - HEADER - 8);
    putLong(b, b.length - 8, value);
    return b;
  }

  /** The version stored in a block (possibly damaged). */
  static long version(byte[] b) {
    return b.length < HEADER ? 0 : getLong(b, 0);
  }

  /** True when the block is exactly what encoding its version and value gives. */
  static boolean intact(byte[] b) {
    if (b.length < HEADER + 8) {
      return false;
    }
    int end = b.length - 8;
    return getLong(b, 8) == getLong(b, end)
        && Arrays.mismatch(b, HEADER, end, filler(b.length), HEADER, end) < 0;
  }

  /** The filler pattern, long enough for a block of {@code length} bytes. */
  private static byte[] filler(int length) {
    return length <= FILLER.length ? FILLER : pattern(length);
  }

  private static byte[] pattern(int length) {
    byte[] f = new byte[length];
    for (int i = 0; i < length; i++) {
      f[i] = (byte) (i * 31 + 7);
    }
    return f;
  }

  /** Shared by every run (immutable once built); longer blocks build their own. */
  private static final byte[] FILLER = pattern(64 * 1024 + HEADER + 8);

  /** The value a reader of this block gets: garbage when the block is damaged. */
  static long valueSeen(byte[] b) {
    return valueSeen(b, intact(b));
  }

  /** The value a reader of this block gets, its integrity already known. */
  static long valueSeen(byte[] b, boolean intact) {
    if (b.length < HEADER) {
      return Values.garble(0);
    }
    long value = getLong(b, 8);
    return intact ? value : Values.garble(value);
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
