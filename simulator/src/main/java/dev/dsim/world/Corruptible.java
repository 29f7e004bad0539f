package dev.dsim.world;

import dev.dsim.engine.Rng;

/**
 * A payload that can be damaged in flight. When the network corrupts a message (and message
 * checksums are off), the receiver gets {@link #corrupted(Rng)} instead of the original: the
 * payload decides what a flipped bit means for it (a wrong value, a wrong key). A {@code byte[]}
 * payload gets one random bit flipped; other payloads cannot be damaged and arrive intact.
 */
public interface Corruptible {
  /** A copy with damage drawn from {@code rng}; never this object itself. */
  Object corrupted(Rng rng);
}
