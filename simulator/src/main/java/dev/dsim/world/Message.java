package dev.dsim.world;

import java.util.Objects;

/**
 * A message in flight between two nodes: an envelope around a payload the processes define.
 *
 * @param from sending node id
 * @param to destination node id
 * @param payload what the processes exchange; typically a record
 * @param sentAtNanos simulated time at which it was sent
 */
public record Message(int from, int to, Object payload, long sentAtNanos) {
  public Message {
    Objects.requireNonNull(payload, "payload");
  }
}
