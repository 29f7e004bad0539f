package dev.dsim.world;

/**
 * The result of a block read: a status, and the bytes when the status is {@link DiskStatus#OK}.
 * Without checksums, a corrupt block reads {@code OK} with the corrupt bytes: the process cannot
 * tell, which is the point.
 *
 * @param status how the read ended
 * @param value a copy of the block's bytes, or null unless the status is OK
 */
public record DiskRead(DiskStatus status, byte[] value) {
  public boolean ok() {
    return status == DiskStatus.OK;
  }
}
