package dev.dsim.metrics;

import java.util.Arrays;

/**
 * The client operation history: every read and write a client invoked, in invocation order, with
 * when it was invoked and completed, the key, the value written or read, and its outcome. The
 * checkers ({@code dev.dsim.check}) judge a run from this alone, as Jepsen's checkers do.
 *
 * <p>Values are opaque 64-bit numbers; every write writes a value no other write used, and
 * {@link #NONE} (0) is what a read of a key that holds nothing returns. An operation that never
 * completed (the run ended) has completion time {@link #NEVER}. Stored in primitive arrays that
 * grow by doubling: a ten-minute run at a few thousand operations a second stays small and
 * allocation-free per operation.
 *
 * <p>{@link Phase#FINAL} marks the read-back of every key during the run's final quiet period,
 * after faults have healed; the lost-writes checker judges by those reads.
 */
public final class History {
  /** The value of a key nobody wrote, as a read returns it. */
  public static final long NONE = 0;
  /** Completion time of an operation that never completed. */
  public static final long NEVER = Long.MAX_VALUE;

  /** What an operation did. */
  public enum Kind {
    READ,
    WRITE
  }

  /** When in the run an operation was issued. */
  public enum Phase {
    /** By the workload, during the run. */
    WORKLOAD,
    /** By the final read-back, after the run, faults healed. */
    FINAL
  }

  private static final Kind[] KINDS = Kind.values();
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final Phase[] PHASES = Phase.values();

  private byte[] kind = new byte[64];
  private byte[] phase = new byte[64];
  private byte[] outcome = new byte[64];
  private int[] key = new int[64];
  private long[] value = new long[64];
  private long[] invokedAt = new long[64];
  private long[] completedAt = new long[64];
  private int size;

  /**
   * Appends an operation as it is invoked; for a write {@code value} is the value written, for a
   * read it is ignored until {@link #complete}. Returns its index.
   */
  public int invoke(Kind k, Phase p, int key, long value, long invokedAtNanos) {
    if (size == this.key.length) {
      grow();
    }
    int i = size++;
    kind[i] = (byte) k.ordinal();
    phase[i] = (byte) p.ordinal();
    outcome[i] = (byte) Outcome.UNFINISHED.ordinal();
    this.key[i] = key;
    this.value[i] = k == Kind.WRITE ? value : NONE;
    invokedAt[i] = invokedAtNanos;
    completedAt[i] = NEVER;
    return i;
  }

  /**
   * Completes operation {@code i}. For a read that succeeded, {@code valueRead} is what it
   * returned; for a write it is ignored (the written value stays).
   */
  public void complete(int i, long completedAtNanos, Outcome o, long valueRead) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("no operation " + i);
    }
    if (o == Outcome.UNFINISHED) {
      throw new IllegalArgumentException("complete with an outcome, not UNFINISHED");
    }
    completedAt[i] = completedAtNanos;
    outcome[i] = (byte) o.ordinal();
    if (kind[i] == Kind.READ.ordinal()) {
      value[i] = o == Outcome.OK ? valueRead : NONE;
    }
  }

  /** Number of operations recorded. */
  public int size() {
    return size;
  }

  public Kind kind(int i) {
    return KINDS[kind[i]];
  }

  public Phase phase(int i) {
    return PHASES[phase[i]];
  }

  /** The outcome; {@link Outcome#UNFINISHED} while (or if never) completed. */
  public Outcome outcome(int i) {
    return OUTCOMES[outcome[i]];
  }

  public int key(int i) {
    return key[i];
  }

  /** The value written (a write) or read (a read that succeeded); {@link #NONE} otherwise. */
  public long value(int i) {
    return value[i];
  }

  public long invokedAtNanos(int i) {
    return invokedAt[i];
  }

  /** When it completed, or {@link #NEVER}. */
  public long completedAtNanos(int i) {
    return completedAt[i];
  }

  /** Operation {@code i} as a value, for reports and examples. */
  public Operation get(int i) {
    return new Operation(i, kind(i), phase(i), key(i), value(i), invokedAtNanos(i),
        completedAtNanos(i), outcome(i));
  }

  private void grow() {
    int n = key.length * 2;
    kind = Arrays.copyOf(kind, n);
    phase = Arrays.copyOf(phase, n);
    outcome = Arrays.copyOf(outcome, n);
    key = Arrays.copyOf(key, n);
    value = Arrays.copyOf(value, n);
    invokedAt = Arrays.copyOf(invokedAt, n);
    completedAt = Arrays.copyOf(completedAt, n);
  }

  /**
   * One operation of the history.
   *
   * @param index its position in the history (invocation order)
   * @param value written (write) or read (successful read); {@link #NONE} otherwise
   * @param completedAtNanos {@link #NEVER} if it never completed
   */
  public record Operation(int index, Kind kind, Phase phase, int key, long value,
      long invokedAtNanos, long completedAtNanos, Outcome outcome) {}
}
