package dev.dsim.service;

/**
 * The final read-back after a run: each key once, with {@link Request.Op#READ_ALL}, at most one
 * operation per slot at a time; a slot whose read completes takes the next key. The lost-writes
 * checker judges what these reads return.
 *
 * <p>It only hands out keys; its {@link Client} issues the reads (under the read-back's retry
 * policy, in the history's {@code FINAL} phase) and runs {@link #onDone} once every read has
 * completed.
 */
final class ClientReadBack {
  private final Client client;
  private final int[] keys;
  private final RetryPolicy policy;
  private final Runnable onDone;
  private int nextKey;

  ClientReadBack(Client client, int[] keys, RetryPolicy policy, Runnable onDone) {
    this.client = client;
    this.keys = keys;
    this.policy = policy;
    this.onDone = onDone;
  }

  /** Starts {@code slots} reads at once (fewer if there are fewer keys). */
  void start(int slots) {
    for (int s = 0; s < slots; s++) {
      next(s);
    }
  }

  /** Slot {@code slot} is free: reads the next key in it, if any is left. */
  void next(int slot) {
    if (nextKey >= keys.length) {
      return;
    }
    int key = keys[nextKey++];
    client.issueReadBack(slot, key, policy);
  }

  /** True once every key has been handed out. */
  boolean finished() {
    return nextKey >= keys.length;
  }

  Runnable onDone() {
    return onDone;
  }
}
