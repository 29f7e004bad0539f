package dev.dsim.examples.primarybackup;

import dev.dsim.examples.primarybackup.PrimaryBackup.Config;
import dev.dsim.examples.primarybackup.PrimaryBackup.Entry;
import dev.dsim.examples.primarybackup.PrimaryBackup.Heartbeat;
import dev.dsim.examples.primarybackup.PrimaryBackup.Kind;
import dev.dsim.examples.primarybackup.PrimaryBackup.NewPrimary;
import dev.dsim.examples.primarybackup.PrimaryBackup.Observer;
import dev.dsim.examples.primarybackup.PrimaryBackup.Ordering;
import dev.dsim.examples.primarybackup.PrimaryBackup.Replicate;
import dev.dsim.examples.primarybackup.PrimaryBackup.ReplicateAck;
import dev.dsim.examples.primarybackup.PrimaryBackup.Reply;
import dev.dsim.examples.primarybackup.PrimaryBackup.Request;
import dev.dsim.world.Calls;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.Timer;
import java.util.ArrayList;
import java.util.List;

/** The register replica: primary, backup, or out of the game after a restart. */
final class PrimaryBackupReplica implements Process {
  private enum Role { PRIMARY, BACKUP, OUT }

  private final Config config;
  private final Observer observer;
  private final String peerName;
  private final boolean startsAsPrimary;
  /** ACK_FIRST only: acknowledged writes not yet shipped to the backup. */
  private final List<Entry> unshipped = new ArrayList<>();
  private int peer;
  private int client;
  private Role role;
  /** False once this primary took over from a dead one: it has nobody to replicate to. */
  private boolean hasBackup;
  private long nextVersion;
  private long version;
  private long value;
  private Timer detector;
  /**
   * Writes forwarded to the backup and not yet acknowledged by it: calls to the backup, under
   * their versions (consecutive: under BACKUP_FIRST every write of a primary with a backup
   * waits here).
   */
  private Calls<Pending> awaitingBackup;
  /** Every version up to this one has been acknowledged by the backup. */
  private long acknowledgedThrough;

  PrimaryBackupReplica(String peerName, boolean startsAsPrimary, Config config,
      Observer observer) {
    this.peerName = peerName;
    this.startsAsPrimary = startsAsPrimary;
    this.config = config;
    this.observer = observer;
  }

  /** The committed value of the register. */
  long value() {
    return value;
  }

  @Override
  public void onStart(Context ctx) {
    peer = ctx.nodeId(peerName);
    client = ctx.nodeId("client");
    awaitingBackup = new Calls<>(ctx);
    if (ctx.recovering()) {
      // Its memory is gone and the other replica may have moved on: rejoining would need a
      // state transfer, which this example leaves out, so it stays silent.
      role = Role.OUT;
    } else if (startsAsPrimary) {
      role = Role.PRIMARY;
      hasBackup = true;
      ctx.setTimer(config.heartbeatIntervalNanos(), "heartbeat");
      if (config.ordering() == Ordering.ACK_FIRST) {
        ctx.setTimer(config.shipIntervalNanos(), "ship");
      }
    } else {
      role = Role.BACKUP;
      resetDetector(ctx);
    }
  }

  @Override
  public void onMessage(Context ctx, Message message) {
    Object payload = message.payload();
    if (payload instanceof Request r) {
      onRequest(ctx, message.from(), r);
    } else if (payload instanceof Replicate r) {
      onReplicate(ctx, r);
    } else if (payload instanceof ReplicateAck a) {
      onReplicateAck(ctx, a);
    } else if (payload instanceof Heartbeat) {
      heardFromPrimary(ctx);
    }
  }

  @Override
  public void onTimer(Context ctx, Object tag) {
    if ("heartbeat".equals(tag) && role == Role.PRIMARY && hasBackup) {
      ctx.send(peer, new Heartbeat());
      ctx.setTimer(config.heartbeatIntervalNanos(), "heartbeat");
    } else if ("ship".equals(tag) && role == Role.PRIMARY) {
      ship(ctx);
      ctx.setTimer(config.shipIntervalNanos(), "ship");
    } else if ("suspect".equals(tag) && role == Role.BACKUP) {
      takeOver(ctx);
    }
  }

  private void onRequest(Context ctx, int from, Request r) {
    if (role != Role.PRIMARY) {
      return; // not ours to answer; the client will retry elsewhere
    }
    if (r.kind() == Kind.READ) {
      ctx.send(from, new Reply(r.opId(), value));
      return;
    }
    long v = ++nextVersion;
    if (!hasBackup) {
      apply(v, r.value());
      ctx.send(from, new Reply(r.opId(), r.value()));
    } else if (config.ordering() == Ordering.BACKUP_FIRST) {
      // Not applied yet: until the backup has it, a crash here would take it back, so no
      // read may see it and the client may not hear of it.
      awaitingBackup.open(v, new Pending(from, r.opId(), r.value()));
      ctx.send(peer, new Replicate(List.of(new Entry(v, r.value()))));
    } else {
      // The mistake: "ok" now, replication later. Between the two the write exists once.
      apply(v, r.value());
      unshipped.add(new Entry(v, r.value()));
      ctx.send(from, new Reply(r.opId(), r.value()));
    }
  }

  /** The backup has every write up to the acknowledged version: those may be answered now. */
  private void onReplicateAck(Context ctx, ReplicateAck ack) {
    for (long v = acknowledgedThrough + 1; v <= ack.version(); v++) {
      Pending done = awaitingBackup.close(v);
      if (done != null) {
        apply(v, done.value());
        ctx.send(done.client(), new Reply(done.opId(), done.value()));
      }
    }
    acknowledgedThrough = Math.max(acknowledgedThrough, ack.version());
  }

  private void onReplicate(Context ctx, Replicate r) {
    heardFromPrimary(ctx);
    for (Entry e : r.entries()) {
      apply(e.version(), e.value());
    }
    ctx.send(peer, new ReplicateAck(version));
  }

  private void ship(Context ctx) {
    if (!unshipped.isEmpty() && hasBackup) {
      ctx.send(peer, new Replicate(List.copyOf(unshipped)));
      unshipped.clear();
    }
  }

  /** Applies a write unless a newer one is already there (messages can overtake each other). */
  private void apply(long v, long newValue) {
    if (v > version) {
      version = v;
      value = newValue;
    }
  }

  private void heardFromPrimary(Context ctx) {
    if (role == Role.BACKUP) {
      resetDetector(ctx);
    }
  }

  /** Any sign of life from the primary pushes the suspicion one full timeout away. */
  private void resetDetector(Context ctx) {
    if (detector != null) {
      ctx.cancel(detector);
    }
    detector = ctx.setTimer(config.detectionTimeoutNanos(), "suspect");
  }

  private void takeOver(Context ctx) {
    role = Role.PRIMARY;
    hasBackup = false;
    // New writes must get versions above everything this replica has seen.
    nextVersion = version;
    observer.promoted(value);
    ctx.send(client, new NewPrimary());
  }

  /** A write waiting for the backup before the client may hear of it. */
  private record Pending(int client, long opId, long value) {}
}
