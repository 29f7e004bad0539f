package dev.dsim.service.kv;

import dev.dsim.engine.LongLongMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The disk block name of each key, {@code "k" + key}, made once per tier and shared by its
 * replicas. A name built afresh for every read and write had to be formatted, then hashed and
 * compared character by character in the disk's map (a string caches only its own hash): about
 * 7% of a profile of the flagship comparison, and 4-8 bytes per event. One string per key, the
 * same object on every replica, hashes once and compares by identity. Memory follows the keys
 * the tier has touched, never the key space: filled on demand.
 *
 * <p>Lookups only: nothing iterates it, so its layout orders nothing (the disk lists its blocks
 * sorted by name), and a name is the same text whichever replica asked first.
 */
final class BlockNames {
  /** Each key's index in {@link #names}. */
  private final LongLongMap indexOf = new LongLongMap(16);
  private final List<String> names = new ArrayList<>();

  /** The block name of {@code key} (a key >= 0). */
  String of(int key) {
    long i = indexOf.get(key, -1);
    if (i >= 0) {
      return names.get((int) i);
    }
    String name = "k" + key;
    indexOf.put(key, names.size());
    names.add(name);
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
    return names.size();
  }
}
