package dev.dsim.scenario;

/**
 * A tier's {@code disk}, typed: made by {@link Build#disk()}. Operations queue FIFO; only
 * fsynced writes survive a crash.
 */
public final class DiskBuilder extends JsonSection<DiskBuilder> {
  DiskBuilder() {}

  /** Time of one read (default 100us). */
  public DiskBuilder read(Dist read) {
    return put("read", read);
  }

  /** Time of one write (default 200us). */
  public DiskBuilder write(Dist write) {
    return put("write", write);
  }

  /** Time of one fsync (default 1ms). */
  public DiskBuilder fsync(Dist fsync) {
    return put("fsync", fsync);
  }

  /** Capacity (default unlimited); a full disk fails writes. */
  public DiskBuilder capacity(Size capacity) {
    return put("capacity", capacity);
  }

  /** Per-block CRC32C verified on read (not on kv tiers: they use the tier's checksums). */
  public DiskBuilder checksums(boolean on) {
    return put("checksums", on);
  }

  /** A crash can leave the last unsynced write half-written. */
  public DiskBuilder tornWrites(boolean on) {
    return put("tornWrites", on);
  }
}
