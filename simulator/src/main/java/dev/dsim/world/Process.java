package dev.dsim.world;

/**
 * Code that runs on a simulated node: a server, a client, a protocol participant.
 *
 * <p>The contract (as in DSLabs): handlers run to completion in zero simulated time; they never
 * block, sleep, start threads, read the wall clock or use randomness other than
 * {@link Context#rng()}. Work that takes time is modelled with {@link Context#compute} and
 * timers. A process holds only volatile state: when its node crashes the instance is dropped, and
 * a restart creates a fresh one from the node's {@link ProcessFactory}.
 */
public interface Process {

  /** Called when the node starts (at time 0, or on restart after a crash). */
  default void onStart(Context ctx) {}

  /** Called when a message addressed to this node arrives. */
  void onMessage(Context ctx, Message message);

  /** Called when a timer set with {@link Context#setTimer} fires. */
  default void onTimer(Context ctx, Object tag) {}
}
