package dev.dsim.examples.abd;

import static dev.dsim.fault.Faults.isolate;

import dev.dsim.check.linearizability.Budget;
import dev.dsim.check.linearizability.LinearizabilityChecker;
import dev.dsim.check.linearizability.Operation;
import dev.dsim.check.linearizability.Registers;
import dev.dsim.check.linearizability.Verdict;
import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.fault.FaultPlan;
import dev.dsim.testing.RunFaults;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An atomic (linearizable) register replicated on three replicas with majority quorums: the
 * ABD algorithm (Attiya, Bar-Noy and Dolev, 1995), in its multi-writer form.
 *
 * <p>Each replica holds a value and a <em>tag</em> {@code (counter, writerId)}; tags are ordered
 * by counter, then writer id, so two writers can never produce the same tag. Every operation is
 * two round trips to all replicas, each finished as soon as a majority (2 of 3) answered:
 * <ul>
 *   <li><b>write(v)</b>: ask a majority for their tags; take the highest, add one to its counter
 *       and sign it with your id; store {@code (tag, v)} on a majority.</li>
 *   <li><b>read</b>: ask a majority for their {@code (tag, value)}; take the highest; store it on a
 *       majority (the write-back) and only then return the value.</li>
 * </ul>
 * A replica only ever moves to a higher tag. Clients resend to the replicas that have not
 * answered every {@code retransmit}, and give an operation up after {@code opTimeout}, so a
 * client cut off from a majority keeps trying new operations and fails each of them.
 *
 * <p>What to notice:
 * <ul>
 *   <li><b>Any two majorities intersect.</b> A write that completed is on a majority; the next
 *       operation asks a majority; at least one replica is in both, so it sees that write or a
 *       newer one. That one fact gives "no stale reads".</li>
 *   <li><b>The write-back is not optional.</b> Without it, a read could see a half-finished
 *       write on one replica and return it, and a later read could ask two replicas that do not
 *       have it yet and return the older value: the register would go back in time. Writing
 *       back makes the first read finish the write before it reports it.</li>
 *   <li><b>A minority partition costs latency, not availability.</b> With one replica cut off,
 *       the other two still form a majority; each phase now waits for the slower of two replies
 *       rather than the faster two of three, so operations get slower but all complete.</li>
 *   <li><b>A majority partition costs availability, not correctness.</b> A client cut off with a
 *       single replica cannot assemble a majority: its operations wait and time out instead of
 *       answering from its lonely replica, which would be stale.
 *       That is the CAP theorem in one picture. {@link ReadMode#ONE_REPLICA} answers reads from
 *       one replica instead, and the checker catches the stale reads it then returns.</li>
 * </ul>
 *
 * <p>The numbers, for seeds 1 to 5 with the {@link Config#defaults() defaults} and a 400 ms
 * partition: with {@code r2} cut off, all of the 212 to 222 operations started during the
 * partition complete, none needing a resend, but their mean latency rises from about 2.5 ms to
 * 3.4 to 3.7 ms. With {@code c0} and {@code r0} cut off, {@code c0} tries 3 or 4 operations and
 * none completes before the heal, while {@code c1} and {@code c2} complete 142 to 150. With
 * one-replica reads, {@code c0}'s reads during that partition are stale in three seeds of five
 * (2 to 6 of them), and even without a partition one-replica reads go stale in four seeds of
 * five.
 *
 * <p>The history of every operation, in true simulated time, is checked by {@link #check} with
 * the library's linearizability checker ({@link LinearizabilityChecker#checkRegisters}), which
 * explains a violation with the operations that show it.
 *
 * <p>Replicas keep their state in memory only: this example partitions but never crashes them.
 * A crash-tolerant ABD would put {@code (tag, value)} on disk (fsync) before acknowledging a
 * store.
 *
 * <p>The files: this one holds the configuration, the values, the messages, the observer and
 * the driver ({@link #run}, which cuts the network with {@link dev.dsim.world.Network#partition});
 * {@link AbdReplica} and {@link AbdClient} are the two roles. The client keeps its operation in a {@link dev.dsim.world.Calls} table whose timeout
 * is the operation's deadline, so replies to an operation given up on find nothing.
 */
public final class AbdRegister {
  private static final long MS = 1_000_000L;
  /** Write values are {@code (client + 1) * VALUES_PER_CLIENT + n}: unique across clients. */
  static final long VALUES_PER_CLIENT = 1_000_000L;

  /** How a read gathers its answer. */
  public enum ReadMode {
    /** Correct ABD: query a majority, write the highest value back to a majority, return it. */
    MAJORITY_WITH_WRITE_BACK,
    /** Wrong: ask only the client's own replica and return its value at once. */
    ONE_REPLICA
  }

  /** Read or write. */
  public enum Kind {
    /** Returns the register's value. */
    READ,
    /** Sets the register to a value no other write uses. */
    WRITE
  }

  /**
   * A symmetric partition: from {@code fromNanos} to {@code untilNanos} the named nodes can talk
   * among themselves but not to anyone else.
   *
   * @param fromNanos when the network splits
   * @param untilNanos when it heals
   * @param side the names of the nodes cut off from the rest
   */
  public record Partition(long fromNanos, long untilNanos, List<String> side) {
    /** Copies the side and checks the window. */
    public Partition {
      side = List.copyOf(side);
      if (!(0 <= fromNanos && fromNanos < untilNanos)) {
        throw new IllegalArgumentException("need 0 <= from < until");
      }
    }

    /** True if {@code nanos} falls inside the window. */
    public boolean covers(long nanos) {
      return fromNanos <= nanos && nanos < untilNanos;
    }
  }

  /**
   * The knobs of one run; durations in nanoseconds of simulated time. Replicas are named
   * {@code r0, r1, ...}, clients {@code c0, c1, ...}; client {@code ci}'s own replica is
   * {@code r(i mod replicas)}.
   *
   * @param replicas number of replicas (odd, so that a majority is well defined)
   * @param clients number of concurrent clients
   * @param readMode how reads gather their answer
   * @param latencyNanos one-way network latency
   * @param thinkNanos a client's pause between an answer and its next operation
   * @param retransmitNanos how long a client waits before resending to silent replicas
   * @param opTimeoutNanos how long a client tries one operation before giving it up
   * @param durationNanos length of the run
   * @param partition the partition the driver injects, or null for none
   */
  public record Config(int replicas, int clients, ReadMode readMode, Distribution latencyNanos,
      Distribution thinkNanos, long retransmitNanos, long opTimeoutNanos, long durationNanos,
      Partition partition) {

    /** Checks the sizes. */
    public Config {
      Objects.requireNonNull(readMode, "readMode");
      if (replicas < 1 || replicas % 2 == 0 || clients < 1) {
        throw new IllegalArgumentException("need an odd number of replicas and a client");
      }
    }

    /**
     * Three replicas, three clients, sub-millisecond latency with a 3 ms p99, a 2 ms mean think
     * time, resending after 20 ms, giving up after 100 ms, a 1 s run and no partition.
     */
    public static Config defaults() {
      return new Config(3, 3, ReadMode.MAJORITY_WITH_WRITE_BACK,
          new Distribution.LogNormal(0.5 * MS, 3 * MS), new Distribution.Exponential(2 * MS),
          20 * MS, 100 * MS, 1_000 * MS, null);
    }

    /** This configuration with this partition. */
    public Config withPartition(Partition p) {
      return new Config(replicas, clients, readMode, latencyNanos, thinkNanos, retransmitNanos,
          opTimeoutNanos, durationNanos, p);
    }

    /** This configuration with another read mode. */
    public Config withReadMode(ReadMode mode) {
      return new Config(replicas, clients, mode, latencyNanos, thinkNanos, retransmitNanos,
          opTimeoutNanos, durationNanos, partition);
    }

    /** Replies needed for a majority. */
    int majority() {
      return replicas / 2 + 1;
    }
  }

  /**
   * A version of the register: higher counter wins, the writer's id breaks ties.
   *
   * @param counter how many writes (at least) came before
   * @param writer id of the client that wrote it; -1 for the initial value
   */
  public record Tag(long counter, int writer) implements Comparable<Tag> {
    /** The tag of the register's initial value 0. */
    public static final Tag INITIAL = new Tag(0, -1);

    /** Orders by counter, then by writer id. */
    @Override
    public int compareTo(Tag o) {
      int c = Long.compare(counter, o.counter);
      return c != 0 ? c : Integer.compare(writer, o.writer);
    }
  }

  /**
   * One operation as an outside observer saw it, in simulated (true) time.
   *
   * @param client index of the client
   * @param kind read or write
   * @param value the value written, or the value the read returned (0 while it has not)
   * @param invokedNanos when the client started it
   * @param completedNanos when the client got its answer, or -1 if it never did (it gave up, or
   *     was still waiting when the run ended); a write that never completed may still have
   *     taken effect, which the checker allows
   */
  public record Op(int client, Kind kind, long value, long invokedNanos, long completedNanos) {
    /** True if the operation finished. */
    public boolean completed() {
      return completedNanos >= 0;
    }

    /** Invocation to completion; only meaningful for a completed operation. */
    public long latencyNanos() {
      return completedNanos - invokedNanos;
    }

    /** True if this finished before {@code other} started: real time orders them. */
    public boolean precedes(Op other) {
      return completed() && completedNanos < other.invokedNanos;
    }
  }

  /**
   * What one run did.
   *
   * @param history every operation in the order it was started
   * @param verdict what {@link #check} found in the history
   * @param traceHash fingerprint of every event of the run
   */
  public record Outcome(List<Op> history, Verdict verdict, String traceHash) {
    /** Copies the history so the outcome is a value. */
    public Outcome {
      history = List.copyOf(history);
    }

    /** Whether the history is linearizable. */
    public boolean linearizable() {
      return verdict instanceof Verdict.Linearizable;
    }
  }

  // Messages between clients and replicas. opId ties a reply to the operation it answers. They
  // live here, not beside the roles: the trace fingerprint hashes a message's class name
  // (AbdRegister$Query), so moving one would change every trace hash.

  /** Client to replica: tell me your tag and value. */
  record Query(long opId) {}

  /** Replica to client: my tag and value. */
  record QueryReply(long opId, Tag tag, long value) {}

  /** Client to replica: adopt this tag and value if newer than yours. */
  record Store(long opId, Tag tag, long value) {}

  /** Replica to client: stored (or already had something at least as new). */
  record StoreAck(long opId) {}

  /**
   * Records every operation in true simulated time. Linearizability is about real time, not
   * about what the nodes' clocks say, so the experiment, not a process, keeps the history.
   */
  static final class Observer {
    private final Simulation sim;
    private final List<Op> ops = new ArrayList<>();

    Observer(Simulation sim) {
      this.sim = sim;
    }

    int invoked(int client, Kind kind, long value) {
      ops.add(new Op(client, kind, value, sim.now(), -1));
      return ops.size() - 1;
    }

    void completed(int index, long value) {
      Op op = ops.get(index);
      ops.set(index, new Op(op.client(), op.kind(), value, op.invokedNanos(), sim.now()));
    }
  }

  private AbdRegister() {}

  /** Runs the register with its clients for the configured time and checks the history. */
  public static Outcome run(long seed, Config config) {
    Simulation sim = new Simulation(seed);
    World world = new World(sim, config.latencyNanos());
    Observer observer = new Observer(sim);
    for (int i = 0; i < config.replicas(); i++) {
      world.addNode("r" + i, 1, 1.0, node -> new AbdReplica());
    }
    for (int i = 0; i < config.clients(); i++) {
      int index = i;
      world.addNode("c" + i, 1, 1.0, node -> new AbdClient(index, config, observer));
    }
    if (config.partition() != null) {
      schedulePartition(world, config.partition());
    }
    world.start();
    sim.runUntil(config.durationNanos());
    return new Outcome(observer.ops, check(observer.ops), sim.traceHashHex());
  }

  /**
   * Cuts the partition's side off from every other node, both ways, then heals it: dsim's own
   * isolate fault, struck by name at its time.
   */
  private static void schedulePartition(World world, Partition p) {
    RunFaults.of(FaultPlan.builder()
        .at(p.fromNanos(), isolate(p.side().toArray(new String[0]))
            .lasting(p.untilNanos() - p.fromNanos()))
        .build()).strikeOn(world);
  }

  /**
   * Checks a register history whose writes all wrote distinct values, starting at 0, with the
   * library's checker: each operation becomes a register operation (a write that never
   * completed may have taken effect, so it is pending; a read that never completed says
   * nothing, so it is left out), identified by its position in the history.
   */
  public static Verdict check(List<Op> history) {
    List<Operation<Registers.Op, Object>> ops = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Op op = history.get(i);
      if (op.kind() == Kind.WRITE) {
        Registers.Op write = new Registers.Write("register", op.value());
        ops.add(op.completed()
            ? new Operation<>(i, write, "ok", op.invokedNanos(), op.completedNanos())
            : Operation.pending(i, write, op.invokedNanos()));
      } else if (op.completed()) {
        ops.add(new Operation<>(i, new Registers.Read("register"), op.value(),
            op.invokedNanos(), op.completedNanos()));
      }
    }
    return LinearizabilityChecker.checkRegisters(ops, 0, Budget.DEFAULT);
  }
}
