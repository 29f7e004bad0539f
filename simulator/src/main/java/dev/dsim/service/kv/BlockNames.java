package dev.dsim.service.kv;

/**
 * The disk block name of each key, {@code "k" + key}, made once per tier and shared by its
 * replicas. A name built afresh for every read and write had to be formatted, then hashed and
 * compared character by character in the disk's map (a string caches only its own hash): about
 * 7% of a profile of the flagship comparison, and 4-8 bytes per event. One string per key, the
 * same object on every replica, hashes once and compares by identity. Memory follows the keys
 * the tier has touched, never the key space: an open-addressing table, filled on demand.
 *
 * <p>Lookups only: nothing iterates it, so its layout orders nothing (the disk lists its blocks
 * sorted by name), and a name is the same text whichever replica asked first.
 */
final class BlockNames {
  private static final int EMPTY = -1;
  private int[] keys;
  private String[] names;
  private int size;
  private int mask;

  BlockNames() {
    allocate(16);
  }

  /** The block name of {@code key} (a key >= 0). */
  String of(int key) {
    int i = find(key);
    String name = names[i];
    if (name == null) {
      name = "k" + key;
      if (2 * (size + 1) > keys.length) {
        grow();
        i = find(key);
      }
      keys[i] = key;
      names[i] = name;
      size++;
    }
    return name;
  }

  /** The key a block name stands for, or -1 if it is not one of these names. */
  static int keyOf(String block) {
    if (!block.startsWith("k")) {
      return -1;
    }
    try {
      return Integer.parseInt(block.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Names made so far. */
  int size() {
    return size;
  }

  private int find(int key) {
    int i = (int) Placement.mix(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    int[] oldKeys = keys;
    String[] oldNames = names;
    allocate(oldKeys.length * 2);
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = find(oldKeys[j]);
        keys[i] = oldKeys[j];
        names[i] = oldNames[j];
      }
    }
  }

  private void allocate(int capacity) {
    keys = new int[capacity];
    java.util.Arrays.fill(keys, EMPTY);
    names = new String[capacity];
    mask = capacity - 1;
  }
}
