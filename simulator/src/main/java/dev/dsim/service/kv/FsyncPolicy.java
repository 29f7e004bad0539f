package dev.dsim.service.kv;

/**
 * When a replica makes its writes durable. {@code ALWAYS}: fsync before acknowledging a write
 * (slow, and nothing acknowledged is lost in a crash). {@code PERIODIC}: acknowledge at once and
 * fsync every {@code periodNanos} (a crash loses up to a period of acknowledged writes).
 * {@code NEVER}: leave it to the operating system (a crash loses every write since the disk last
 * flushed, which in dsim means since the last fsync: all of them).
 */
public record FsyncPolicy(Mode mode, long periodNanos) {
  /** The three policies. */
  public enum Mode {
    ALWAYS,
    PERIODIC,
    NEVER
  }

  public static final FsyncPolicy ALWAYS = new FsyncPolicy(Mode.ALWAYS, 0);
  public static final FsyncPolicy NEVER = new FsyncPolicy(Mode.NEVER, 0);

  public FsyncPolicy {
    if (mode == null || (mode == Mode.PERIODIC) != (periodNanos > 0)) {
      throw new IllegalArgumentException("a period (> 0) goes with PERIODIC, and only with it");
    }
  }

  /** Fsync every {@code periodNanos}. */
  public static FsyncPolicy every(long periodNanos) {
    return new FsyncPolicy(Mode.PERIODIC, periodNanos);
  }
}
