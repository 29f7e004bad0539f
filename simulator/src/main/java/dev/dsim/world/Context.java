package dev.dsim.world;

import dev.dsim.engine.Rng;

/**
 * What a {@link Process} can do: the only door from a process into the world.
 *
 * <p>Deliberately narrow: a process cannot see other nodes' state, the network's partitions or
 * the global clock, exactly as a real process cannot tell a slow peer from a dead one.
 */
public interface Context {

  /** This node. */
  Node self();

  /** Current time as this node's local clock reads it (offset, drift), in nanoseconds. */
  long now();

  /** Sends {@code payload} to node {@code to}; delivery is up to the network. */
  void send(int to, Object payload);

  /** Id of the node with this name; throws if there is none. */
  int nodeId(String name);

  /**
   * Every other node of the world, by id in id order: whom a protocol of equals (an election,
   * gossip, a replica group) talks to. The same unmodifiable list on every call, worked out
   * once the world has started.
   */
  java.util.List<Integer> peers();

  /**
   * Request and reply with a timeout and retries ({@link Rpc}), routed by the node: sends
   * {@code request.apply(id)} to node {@code to}; the first reply of type {@code replyType}
   * (a message implementing {@link Rpc.Reply} that carries {@code id}) runs {@code onReply},
   * and never reaches {@link Process#onMessage}; later copies are dropped. Without a reply
   * within {@code timeoutNanos} the request goes again, up to {@code retries} times, then
   * {@code onTimeout} runs. A crash drops every open call with the process. Returns the id.
   */
  <R> long call(int to, java.util.function.LongFunction<?> request, long timeoutNanos,
      int retries, Class<R> replyType, java.util.function.Consumer<? super R> onReply,
      Runnable onTimeout);

  /**
   * Sets a timer that fires {@link Process#onTimer} with {@code tag} when the local clock has
   * advanced by {@code delayNanos} (a clock that jumps forward fires it early). The returned
   * handle can be cancelled; a crash cancels every timer of the node.
   */
  Timer setTimer(long delayNanos, Object tag);

  /** Cancels a timer; returns false if it had already fired or been cancelled. */
  boolean cancel(Timer timer);

  /**
   * Runs {@code workNanos} of work (nanoseconds at speed 1) on this node's CPU, queueing FIFO for
   * a free core, then runs {@code then}. Discarded if the node crashes meanwhile.
   */
  void compute(long workNanos, Runnable then);

  /**
   * This node's disk: {@link Disk#read}, {@link Disk#write}, {@link Disk#fsync}. Its operations
   * queue FIFO and take time; their continuations are discarded if the node crashes meanwhile.
   * Only fsynced writes survive a crash, and nothing survives a wipe.
   */
  Disk disk();

  /**
   * Writes a line to the run's trace file ({@code --trace}), stamped with the simulated time and
   * this node. Costs nothing without a trace and never changes the trace hash.
   */
  void log(String text);

  /**
   * True while the run writes a trace: test it before building a {@link #trace} record, so an
   * untraced run allocates nothing for it.
   */
  default boolean tracing() {
    return false;
  }

  /**
   * Writes a typed line of {@code kind} on this node into the JSON-lines trace (as the client
   * does for "op-invoke" and "op-complete"); like {@link #log}, never part of the trace hash.
   */
  default void trace(String kind, dev.dsim.engine.TraceRecord record) {}

  /**
   * The running process's random stream: {@code node/<name>} for the node's first incarnation,
   * {@code node/<name>/incarnation-<k>} after its k-th start (a restart draws afresh rather than
   * repeating what the crashed process drew). Fork it by name for each use
   * ({@code ctx.rng().fork("work")}).
   */
  Rng rng();

  /** True when this process was started by a restart after a crash, not at the beginning. */
  boolean recovering();

  /**
   * Registers a local invariant of this node ("my log is in order"), checked after every event
   * of the run; one that fails stops the run with an
   * {@link dev.dsim.engine.InvariantViolation} naming the node and the invariant. Registering
   * again under the same name (after a restart) replaces it. Invariants over several nodes
   * ("one leader per term") are registered on the simulation, by the test.
   */
  void invariant(String name, dev.dsim.engine.Invariant check);

  /**
   * FoundationDB's BUGGIFY: true with a small probability, and only in a run that enabled it
   * ({@link dev.dsim.engine.Simulation#enableBuggify}); always false otherwise. Guard a nastier
   * code path with it (a delay before replying, a smaller batch, an early timeout) so tests
   * drive the protocol into corners real runs reach rarely. Draws from this incarnation's own
   * {@code buggify} stream, so using it changes no other stream.
   */
  boolean buggify();

  /**
   * Records that the rare situation {@code name} was checked and whether it held, for the
   * sweep's coverage table ({@link dev.dsim.engine.Sometimes}); returns {@code condition}.
   */
  boolean sometimes(String name, boolean condition);
}
