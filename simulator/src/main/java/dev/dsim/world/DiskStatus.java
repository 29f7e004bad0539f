package dev.dsim.world;

/** How a disk operation ended. Errors are values handed to the process, never exceptions. */
public enum DiskStatus {
  /** Done. */
  OK,
  /** Read of a key that was never written (or was lost in a crash or a wipe). */
  NOT_FOUND,
  /** The block's checksum does not match its bytes: silent corruption, detected. */
  CORRUPT,
  /** A latent sector error: the block cannot be read until it is written again. */
  IO_ERROR,
  /** The write would exceed the disk's capacity; nothing was written. */
  FULL
}
