package dev.dsim.engine;

/**
 * A map from {@code long} to {@code long} of primitives (open addressing, linear probing), for
 * look-ups by the million where a {@code HashMap<Long, ...>} would box each key and build a node
 * per entry: the checkers' write and first read of each value, a kv tier's block names. Lookups
 * only: nothing iterates it, so its layout orders nothing.
 */
public final class LongLongMap {
  private long[] keys;
  private long[] values;
  private boolean[] used;
  private int size;
  private int mask;

  /** An empty map sized for about {@code expected} entries. */
  public LongLongMap(int expected) {
    int capacity = 16;
    while (capacity < 2L * Math.max(expected, 1) && capacity < (1 << 30)) {
      capacity <<= 1;
    }
    allocate(capacity);
  }

  /** The value of {@code key}, or {@code missing} when it has none. */
  public long get(long key, long missing) {
    int i = find(key);
    return used[i] ? values[i] : missing;
  }

  /** True when {@code key} has a value. */
  public boolean containsKey(long key) {
    return used[find(key)];
  }

  /** Sets the value of {@code key}, replacing any. */
  public void put(long key, long value) {
    int i = find(key);
    if (!used[i]) {
      if (2 * (size + 1) > keys.length) {
        grow();
        i = find(key);
      }
      used[i] = true;
      keys[i] = key;
      size++;
    }
    values[i] = value;
  }

  /** Sets the value of {@code key} to {@code value} or, if it has one, the smaller of the two. */
  public void putMin(long key, long value) {
    int i = find(key);
    if (used[i]) {
      values[i] = Math.min(values[i], value);
    } else {
      put(key, value);
    }
  }

  /** Entries in the map. */
  public int size() {
    return size;
  }

  private int find(long key) {
    int i = (int) mix(key) & mask;
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** A 64-bit finaliser (SplitMix64's): values written by clients are often sequential. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    boolean[] oldUsed = used;
    allocate(oldKeys.length * 2);
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldUsed[j]) {
        int i = find(oldKeys[j]);
        used[i] = true;
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new long[capacity];
    used = new boolean[capacity];
    mask = capacity - 1;
  }
}
