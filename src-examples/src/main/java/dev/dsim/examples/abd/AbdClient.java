package dev.dsim.examples.abd;

import dev.dsim.examples.abd.AbdRegister.Config;
import dev.dsim.examples.abd.AbdRegister.Kind;
import dev.dsim.examples.abd.AbdRegister.Observer;
import dev.dsim.examples.abd.AbdRegister.Query;
import dev.dsim.examples.abd.AbdRegister.QueryReply;
import dev.dsim.examples.abd.AbdRegister.ReadMode;
import dev.dsim.examples.abd.AbdRegister.Store;
import dev.dsim.examples.abd.AbdRegister.StoreAck;
import dev.dsim.examples.abd.AbdRegister.Tag;
import dev.dsim.world.Calls;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.Timer;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * An ABD client: one operation at a time, each a query phase then a store phase, each phase
 * sent to every replica and done when a majority answered. The operation is a {@link Calls call}
 * whose timeout is its deadline ({@code opTimeout}): when it strikes, the client gives the
 * operation up, and the replies that come later find its call closed. Within the deadline it
 * resends to the replicas that have not answered every {@code retransmit}, on a timer of its own.
 */
final class AbdClient implements Process {
  private enum Phase { IDLE, QUERY, STORE }

  private final int index;
  private final Config config;
  private final Observer observer;
  private int[] replicas;
  private ContinuousSampler think;
  private long writesIssued;
  /** The operation in progress, by id (from 1); at most one is open. */
  private Calls<Operation> ops;
  private Operation current;
  private Timer retransmit;

  AbdClient(int index, Config config, Observer observer) {
    this.index = index;
    this.config = config;
    this.observer = observer;
  }

  @Override
  public void onStart(Context ctx) {
    replicas = new int[config.replicas()];
    for (int i = 0; i < replicas.length; i++) {
      replicas[i] = ctx.nodeId("r" + i);
    }
    ops = new Calls<>(ctx, 1);
    think = config.thinkNanos().sampler(ctx.rng());
    pause(ctx);
  }

  @Override
  public void onTimer(Context ctx, Object tag) {
    if ("think".equals(tag)) {
      start(ctx);
    } else if (tag instanceof Retransmit r && current != null && r.opId() == current.id) {
      sendToSilentReplicas(ctx);
    } else {
      long id = ops.timedOut(tag);
      if (id != Calls.NONE) {
        // No majority within the deadline. Not an answer: the history keeps the operation
        // without a completion, because a write given up on may still have reached replicas.
        ops.close(id);
        current = null;
        ctx.cancel(retransmit);
        pause(ctx);
      }
    }
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    int replica = replicaIndex(message.from());
    if (message.payload() instanceof QueryReply r && isCurrent(r.opId(), Phase.QUERY)
        && firstAnswerFrom(replica)) {
      if (r.tag().compareTo(current.bestTag) > 0) {
        current.bestTag = r.tag();
        current.bestValue = r.value();
      }
      if (current.answers == current.needed) {
        queryDone(ctx);
      }
    } else if (message.payload() instanceof StoreAck a && isCurrent(a.opId(), Phase.STORE)
        && firstAnswerFrom(replica) && current.answers == current.needed) {
      complete(ctx, current.store.value());
    }
  }

  /** True if {@code opId} is the open operation and it is in {@code phase}. */
  private boolean isCurrent(long opId, Phase phase) {
    Operation op = ops.get(opId);
    return op != null && op.phase == phase;
  }

  private void start(Context ctx) {
    Kind kind = ctx.rng().nextDouble() < 0.5 ? Kind.READ : Kind.WRITE;
    long writeValue = kind == Kind.WRITE
        ? (index + 1) * AbdRegister.VALUES_PER_CLIENT + ++writesIssued : 0;
    current = new Operation(ops.nextId(), kind, writeValue,
        observer.invoked(index, kind, writeValue));
    ops.open(current);
    ops.setTimeout(current.id, config.opTimeoutNanos());
    if (kind == Kind.READ && config.readMode() == ReadMode.ONE_REPLICA) {
      // The shortcut: one replica, no write-back. Fast, and wrong when that replica is behind.
      beginPhase(ctx, Phase.QUERY, 1, index % replicas.length);
    } else {
      beginPhase(ctx, Phase.QUERY, config.majority(), -1);
    }
  }

  private void queryDone(Context ctx) {
    Operation op = current;
    if (op.kind == Kind.WRITE) {
      op.store = new Store(op.id, new Tag(op.bestTag.counter() + 1, index), op.writeValue);
    } else if (config.readMode() == ReadMode.ONE_REPLICA) {
      complete(ctx, op.bestValue);
      return;
    } else {
      // Make sure a majority has what we are about to return before returning it.
      op.store = new Store(op.id, op.bestTag, op.bestValue);
    }
    beginPhase(ctx, Phase.STORE, config.majority(), -1);
  }

  /** Starts a phase, asking one replica ({@code only >= 0}) or all of them. */
  private void beginPhase(Context ctx, Phase next, int need, int only) {
    Operation op = current;
    op.phase = next;
    op.needed = need;
    op.answers = 0;
    op.answered = new boolean[replicas.length];
    op.asked = new boolean[replicas.length];
    for (int i = 0; i < replicas.length; i++) {
      // Ask everyone, not just a majority: the first majority to answer wins, so one slow or
      // unreachable replica costs nothing.
      op.asked[i] = only < 0 || i == only;
    }
    sendToSilentReplicas(ctx);
  }

  private void sendToSilentReplicas(Context ctx) {
    Operation op = current;
    Object message = op.phase == Phase.QUERY ? new Query(op.id) : op.store;
    for (int i = 0; i < replicas.length; i++) {
      if (op.asked[i] && !op.answered[i]) {
        ctx.send(replicas[i], message);
      }
    }
    if (retransmit != null) {
      ctx.cancel(retransmit);
    }
    retransmit = ctx.setTimer(config.retransmitNanos(), new Retransmit(op.id));
  }

  /** Counts an answer unless it is a duplicate (from a retransmission). */
  private boolean firstAnswerFrom(int replica) {
    Operation op = current;
    if (replica < 0 || !op.asked[replica] || op.answered[replica]) {
      return false;
    }
    op.answered[replica] = true;
    op.answers++;
    return true;
  }

  private void complete(Context ctx, long result) {
    Operation op = current;
    current = null;
    ctx.cancel(retransmit);
    ops.close(op.id); // cancels the deadline
    observer.completed(op.historyIndex, result);
    pause(ctx);
  }

  private void pause(Context ctx) {
    ctx.setTimer(Math.round(think.sample()), "think");
  }

  private int replicaIndex(int node) {
    for (int i = 0; i < replicas.length; i++) {
      if (replicas[i] == node) {
        return i;
      }
    }
    return -1;
  }

  /** The operation in progress: what it does, and where its current phase stands. */
  private static final class Operation {
    final long id;
    final Kind kind;
    final long writeValue;
    final int historyIndex;
    Phase phase = Phase.IDLE;
    /** Which replicas the phase asked and which answered, and how many answers it needs. */
    boolean[] asked;
    boolean[] answered;
    int answers;
    int needed;
    /** Highest tag and its value seen in the query phase. */
    Tag bestTag = Tag.INITIAL;
    long bestValue;
    /** What the store phase stores. */
    Store store;

    Operation(long id, Kind kind, long writeValue, int historyIndex) {
      this.id = id;
      this.kind = kind;
      this.writeValue = writeValue;
      this.historyIndex = historyIndex;
    }

    @Override
    public String toString() {
      return kind + " " + id;
    }
  }

  /** A client's retransmission timer for one operation. */
  private record Retransmit(long opId) {}
}
