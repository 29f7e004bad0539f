package dev.dsim.world;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.TraceFields;
import java.util.Objects;

/**
 * A message in flight between two nodes: an envelope around a payload the processes define.
 *
 * <p>A message is also the event of its own delivery: the network schedules the message itself
 * to arrive, so sending one allocates one object, not an envelope and an event besides (a
 * duplicated message is delivered as a second, equal message). Two messages are equal when
 * their sender, destination, payload and send time are, as for a value.
 */
public final class Message extends Event {
  private final int from;
  private final int to;
  private final Object payload;
  private final long sentAtNanos;
  // The delivery, known only to the network.
  private final Network network;
  private final Node target;
  private final int incarnation;
  /** For the trace only: the message's number, whether it was damaged, whether a duplicate. */
  private final long id;
  private final boolean damaged;
  private final boolean duplicate;

  Message(Network network, Node target, int from, Object payload, long sentAtNanos,
      int incarnation, long id, boolean damaged, boolean duplicate) {
    this.from = from;
    this.to = target.id();
    this.payload = Objects.requireNonNull(payload, "payload");
    this.sentAtNanos = sentAtNanos;
    this.network = network;
    this.target = target;
    this.incarnation = incarnation;
    this.id = id;
    this.damaged = damaged;
    this.duplicate = duplicate;
  }

  /** The same message delivered a second time (the network duplicated it). */
  Message duplicate() {
    return new Message(network, target, from, payload, sentAtNanos, incarnation, id, damaged,
        true);
  }

  /** Sending node id. */
  public int from() {
    return from;
  }

  /** Destination node id. */
  public int to() {
    return to;
  }

  /** What the processes exchange; typically a record. */
  public Object payload() {
    return payload;
  }

  /** Simulated time at which it was sent. */
  public long sentAtNanos() {
    return sentAtNanos;
  }

  @Override
  public EventKind kind() {
    return Network.DELIVER;
  }

  @Override
  public int node() {
    return to;
  }

  @Override
  public long traceDetail() {
    return ((long) from << 32 | to) * 31 + PayloadCodes.of(payload);
  }

  @Override
  public String describe() {
    return network.nodeName(from) + " -> " + target.name() + ": " + payload;
  }

  @Override
  public void traceFields(TraceFields out) {
    network.envelope(out, from, to, id);
    out.field("sent", sentAtNanos);
    if (duplicate) {
      out.field("duplicate", true);
    }
    if (damaged) {
      out.field("corrupt", true);
    }
    String refused = network.refusal(target, this, incarnation);
    out.field("accepted", refused == null);
    out.field("reason", refused);
    PayloadFields.write(out, payload);
  }

  @Override
  protected void fire() {
    network.arrive(target, this, incarnation);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m && m.from == from && m.to == to && m.sentAtNanos == sentAtNanos
        && m.payload.equals(payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, payload, sentAtNanos);
  }

  @Override
  public String toString() {
    return "Message[from=" + from + ", to=" + to + ", payload=" + payload + ", sentAtNanos="
        + sentAtNanos + "]";
  }
}
