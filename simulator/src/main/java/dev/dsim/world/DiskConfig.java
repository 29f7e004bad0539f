package dev.dsim.world;

import dev.dsim.engine.Distribution;
import java.util.Objects;

/**
 * How a node's disk behaves when nothing is wrong with it.
 *
 * @param readNanos service time of one block read
 * @param writeNanos service time of one block write (to the disk's volatile cache)
 * @param fsyncNanos service time of an fsync (flushing the cache to stable storage)
 * @param capacityBytes total bytes the disk holds; a write that would exceed it fails with
 *     {@link DiskStatus#FULL}
 * @param checksums whether each block carries a checksum verified on read: with it a corrupt
 *     block reads as {@link DiskStatus#CORRUPT}; without it the corrupt bytes come back as if fine
 * @param tornWrites whether a crash can leave the last unsynced write half-written instead of
 *     simply lost
 */
public record DiskConfig(Distribution readNanos, Distribution writeNanos,
    Distribution fsyncNanos, long capacityBytes, boolean checksums, boolean tornWrites) {

  /** A fast SSD-like disk: 100 µs reads, 200 µs writes, 1 ms fsync, unlimited, no checksums. */
  public static final DiskConfig DEFAULT = new DiskConfig(new Distribution.Constant(100_000),
      new Distribution.Constant(200_000), new Distribution.Constant(1_000_000), Long.MAX_VALUE,
      false, false);

  public DiskConfig {
    Objects.requireNonNull(readNanos, "readNanos");
    Objects.requireNonNull(writeNanos, "writeNanos");
    Objects.requireNonNull(fsyncNanos, "fsyncNanos");
    if (capacityBytes < 0) {
      throw new IllegalArgumentException("capacity must be >= 0: " + capacityBytes);
    }
  }

  /** The same disk with checksums on or off. */
  public DiskConfig withChecksums(boolean on) {
    return new DiskConfig(readNanos, writeNanos, fsyncNanos, capacityBytes, on, tornWrites);
  }
}
