package dev.dsim.service.kv;

import java.util.Arrays;

/**
 * A replica's in-memory index: (version, value) per key it holds, in an open-addressing table
 * of primitives (no boxing, no entry objects), so that a node's memory follows the keys it holds
 * rather than the size of the key space. A key never stored reads as version 0, value 0.
 *
 * <p>Lookups only: nothing iterates the table, so its layout can never order anything.
 */
final class KeyTable {
  private static final int EMPTY = -1;
  private int[] keys;
  private long[] versions;
  private long[] values;
  private int size;
  private int mask;

  KeyTable() {
    allocate(16);
  }

  /** The version held of {@code key}; 0 when none. */
  long version(int key) {
    int i = find(key);
    return keys[i] == EMPTY ? 0 : versions[i];
  }

  /** The value held of {@code key}; 0 when none. */
  long value(int key) {
    int i = find(key);
    return keys[i] == EMPTY ? 0 : values[i];
  }

  /** Sets (version, value) of {@code key} (a key >= 0). */
  void put(int key, long version, long value) {
    if (key < 0) {
      throw new IllegalArgumentException("a key is >= 0: " + key);
    }
    int i = find(key);
    if (keys[i] == EMPTY) {
      if (2 * (size + 1) > keys.length) {
        grow();
        i = find(key);
      }
      keys[i] = key;
      size++;
    }
    versions[i] = version;
    values[i] = value;
  }

  /** Keys held (those ever put). */
  int size() {
    return size;
  }

  /** The slot of {@code key}, or the empty slot where it would go (linear probing). */
  private int find(int key) {
    int i = (int) Placement.mix(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    int[] oldKeys = keys;
    long[] oldVersions = versions;
    long[] oldValues = values;
    allocate(oldKeys.length * 2);
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = find(oldKeys[j]);
        keys[i] = oldKeys[j];
        versions[i] = oldVersions[j];
        values[i] = oldValues[j];
      }
    }
  }

  private void allocate(int capacity) {
    keys = new int[capacity];
    Arrays.fill(keys, EMPTY);
    versions = new long[capacity];
    values = new long[capacity];
    mask = capacity - 1;
  }
}
