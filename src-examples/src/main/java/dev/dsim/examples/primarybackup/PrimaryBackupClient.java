package dev.dsim.examples.primarybackup;

import dev.dsim.examples.primarybackup.PrimaryBackup.Config;
import dev.dsim.examples.primarybackup.PrimaryBackup.Kind;
import dev.dsim.examples.primarybackup.PrimaryBackup.NewPrimary;
import dev.dsim.examples.primarybackup.PrimaryBackup.Observer;
import dev.dsim.examples.primarybackup.PrimaryBackup.Reply;
import dev.dsim.examples.primarybackup.PrimaryBackup.Request;
import dev.dsim.world.Calls;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Sends one operation at a time and keeps trying until it is answered. The operation is a
 * {@link Calls call}: its timeout sends it again, under the same id, to the other replica; the
 * first reply closes it, and a reply to an earlier attempt finds it closed.
 */
final class PrimaryBackupClient implements Process {
  private final Config config;
  private final Observer observer;
  private int[] replicas;
  private int target;
  private ContinuousSampler think;
  private long nextValue;
  /** The operation in progress, by id (from 1): at most one is open, retried until answered. */
  private Calls<Request> ops;
  private Request current;
  private int historyIndex;

  PrimaryBackupClient(Config config, Observer observer) {
    this.config = config;
    this.observer = observer;
  }

  @Override
  public void onStart(Context ctx) {
    replicas = new int[] {ctx.nodeId("a"), ctx.nodeId("b")};
    target = replicas[0];
    ops = new Calls<>(ctx, 1);
    think = config.thinkNanos().sampler(ctx.rng());
    pause(ctx);
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    if (message.payload() instanceof Reply r) {
      onReply(ctx, r);
    } else if (message.payload() instanceof NewPrimary) {
      target = message.from();
      if (current != null) {
        send(ctx); // no need to wait for the retry timer: we were told where to go
      }
    }
  }

  @Override
  public void onTimer(Context ctx, Object tag) {
    if ("think".equals(tag)) {
      start(ctx);
    } else if (ops.timedOut(tag) != Calls.NONE) {
      // The call stays open: the same operation, under the same id, to the other replica.
      // Silence could be a dead primary or a slow one; either way the other replica is the
      // only other place to ask.
      target = target == replicas[0] ? replicas[1] : replicas[0];
      send(ctx);
    }
  }

  private void start(Context ctx) {
    boolean read = ctx.rng().nextDouble() < config.readFraction();
    Kind kind = read ? Kind.READ : Kind.WRITE;
    long value = read ? 0 : ++nextValue;
    current = new Request(ops.nextId(), kind, value);
    ops.open(current);
    historyIndex = observer.invoked(kind, value);
    send(ctx);
  }

  private void send(Context ctx) {
    ctx.send(target, current);
    ops.setTimeout(current.opId(), config.clientRetryNanos());
  }

  private void onReply(Context ctx, Reply r) {
    if (ops.close(r.opId()) == null) {
      return; // the answer to a retried operation that was answered already
    }
    observer.completed(historyIndex, r.value());
    current = null;
    pause(ctx);
  }

  private void pause(Context ctx) {
    long delay = Math.round(think.sample());
    if (ctx.now() + delay < config.clientStopNanos()) {
      ctx.setTimer(delay, "think");
    }
  }
}
