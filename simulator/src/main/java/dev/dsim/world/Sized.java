package dev.dsim.world;

/**
 * A payload that knows its size on the wire, for the network's serialisation delay (size /
 * bandwidth). Payloads that are not {@code Sized} count as byte arrays of their length, or as the
 * network's default message size.
 */
public interface Sized {
  /** Bytes this payload occupies on the wire. */
  int sizeBytes();
}
