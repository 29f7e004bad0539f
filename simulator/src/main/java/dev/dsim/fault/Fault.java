package dev.dsim.fault;

import java.util.List;
import java.util.Objects;

/** A kind of partial failure with its parameters; when it strikes is the plan's business. */
public sealed interface Fault {
  /** Sentinel duration: the fault is never healed by itself. */
  long FOREVER = -1;

  /** Short kind name for logs and reports ("crash", "partition", "slow"). */
  String kind();

  /**
   * The nodes crash; after {@code restartAfterNanos} (or never, with {@link #FOREVER}) they
   * restart with a fresh process. With {@code wipe} their disks are lost too (the machine was
   * replaced, or its disk died with it).
   */
  record Crash(Target target, long restartAfterNanos, boolean wipe) implements Fault {
    /** A crash that keeps the disk. */
    public Crash(Target target, long restartAfterNanos) {
      this(target, restartAfterNanos, false);
    }

    public Crash {
      Objects.requireNonNull(target, "target");
      if (restartAfterNanos < 0 && restartAfterNanos != FOREVER) {
        throw new IllegalArgumentException("restartAfter must be >= 0: " + restartAfterNanos);
      }
    }

    @Override
    public String kind() {
      return "crash";
    }
  }

  /**
   * The network splits into groups that cannot reach each other for {@code forNanos} (or
   * forever). Nodes in no group are unaffected and still reach everyone, which is how a bridge
   * is written: two groups, and the bridge node in neither. With {@code oneWay}, only traffic
   * from the first group to the others is cut; the other direction still flows.
   */
  record Partition(List<Target> groups, boolean oneWay, long forNanos) implements Fault {
    public Partition {
      groups = List.copyOf(groups);
      if (groups.size() < 2) {
        throw new IllegalArgumentException("a partition needs at least two groups");
      }
    }

    @Override
    public String kind() {
      return oneWay ? "partition-one-way" : "partition";
    }
  }

  /**
   * The target nodes are cut off from every other node, both ways, for {@code forNanos} (or
   * forever). With a random target, the node is drawn when the fault strikes.
   */
  record Isolate(Target target, long forNanos) implements Fault {
    public Isolate {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String kind() {
      return "isolate";
    }
  }

  /**
   * Every link to and from the target nodes gets {@code extraLatencyNanos} more latency and an
   * extra loss probability for {@code forNanos}: a flaky switch port, a congested zone.
   */
  record Degrade(Target target, long extraLatencyNanos, double extraLoss, long forNanos)
      implements Fault {
    public Degrade {
      Objects.requireNonNull(target, "target");
      if (extraLatencyNanos < 0 || !(extraLoss >= 0 && extraLoss <= 1)) {
        throw new IllegalArgumentException("degrade needs latency >= 0 and loss in [0, 1]");
      }
    }

    @Override
    public String kind() {
      return "degrade";
    }
  }

  /** The nodes' local clocks jump by {@code byNanos} (negative: backwards). */
  record ClockJump(Target target, long byNanos) implements Fault {
    public ClockJump {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String kind() {
      return "clock-jump";
    }
  }

  /**
   * The nodes' local clocks drift by {@code ppm} parts per million for {@code forNanos} (or
   * forever), then return to their previous drift (the offset gained stays, as on a real host).
   */
  record ClockDrift(Target target, double ppm, long forNanos) implements Fault {
    public ClockDrift {
      Objects.requireNonNull(target, "target");
      if (!(ppm > -1e6) || Double.isInfinite(ppm)) {
        throw new IllegalArgumentException("drift must be a finite number > -1e6 ppm: " + ppm);
      }
    }

    @Override
    public String kind() {
      return "clock-drift";
    }
  }

  /**
   * The nodes' CPUs and/or disks run {@code factor} times slower for {@code forNanos}: a gray
   * failure, up and answering, only slowly.
   */
  record Slow(Target target, double factor, long forNanos, boolean cpu, boolean disk)
      implements Fault {
    /** CPU and disk both slowed. */
    public Slow(Target target, double factor, long forNanos) {
      this(target, factor, forNanos, true, true);
    }

    public Slow {
      Objects.requireNonNull(target, "target");
      if (!(factor >= 1) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("slow factor must be a finite number >= 1: " + factor);
      }
      if (!cpu && !disk) {
        throw new IllegalArgumentException("a slow fault slows the CPU, the disk or both");
      }
    }

    @Override
    public String kind() {
      return "slow";
    }
  }

  /**
   * Silent corruption on the target nodes: one bit flipped in each of {@code blocks} stored disk
   * blocks, {@code sectors} blocks made unreadable (latent sector errors), and every message to
   * or from them damaged with probability {@code messages} for {@code forNanos}. Disk damage
   * stays until the block is rewritten; only the message corruption heals.
   */
  record Corrupt(Target target, int blocks, int sectors, double messages, long forNanos)
      implements Fault {
    public Corrupt {
      Objects.requireNonNull(target, "target");
      if (blocks < 0 || sectors < 0 || !(messages >= 0 && messages <= 1)) {
        throw new IllegalArgumentException("corrupt needs blocks, sectors >= 0 and messages in "
            + "[0, 1]");
      }
    }

    @Override
    public String kind() {
      return "corrupt";
    }
  }

  /**
   * The candidates split into two non-empty groups drawn at random when the fault strikes, cut
   * off from each other for {@code forNanos}; nodes outside the candidates are unaffected. What
   * the random partition nemesis injects.
   */
  record Split(List<Integer> candidates, long forNanos) implements Fault {
    public Split {
      candidates = List.copyOf(candidates);
      if (candidates.size() < 2) {
        throw new IllegalArgumentException("a split needs at least two candidate nodes");
      }
    }

    @Override
    public String kind() {
      return "partition";
    }
  }
}
