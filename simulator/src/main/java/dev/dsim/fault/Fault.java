package dev.dsim.fault;

import dev.dsim.world.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A kind of partial failure with its parameters, as a scenario writes it (targets by name) and
 * as the {@link FaultInjector} strikes it: one model for both. Each fault knows how to strike
 * ({@link #strike}) and returns how to undo it; when it strikes, and when the undo runs, is the
 * injector's business.
 */
public sealed interface Fault extends java.io.Serializable {
  /** Short kind name for logs and reports ("crash", "partition", "slow"). */
  String kind();

  /** Whom it aims at: one target, or a partition's groups. */
  List<Target> targets();

  /**
   * Acts on the world now and says what it did and how to undo it; null when it had nothing to
   * do (every node it would crash was down already), and then nothing is logged.
   */
  Strike strike(FaultScene scene);

  /**
   * The fault a nemesis strikes again and again: its targets become candidates, one drawn at
   * each strike (a partition instead splits its candidates into two random groups).
   */
  Fault forNemesis();

  /**
   * The nodes crash; after {@code restartAfter} (or never) they restart with a fresh process.
   * With {@code wipe} their disks are lost too (the machine was replaced, or its disk died with
   * it).
   */
  record Crash(Target target, Lasting restartAfter, boolean wipe) implements Fault {
    public Crash {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(restartAfter, "restartAfter");
    }

    @Override
    public String kind() {
      return "crash";
    }

    /** The same crash, the nodes restarting after {@code nanos}. */
    public Crash restartAfter(long nanos) {
      return new Crash(target, Lasting.forNanos(nanos), wipe);
    }

    /** The same crash, losing the nodes' disks too. */
    public Crash wipingTheDisk() {
      return new Crash(target, restartAfter, true);
    }

    @Override
    public List<Target> targets() {
      return List.of(target);
    }

    @Override
    public Strike strike(FaultScene scene) {
      List<Node> crashed = new ArrayList<>();
      for (int id : scene.pick(target)) {
        Node n = scene.node(id);
        if (n.crash(wipe)) {
          crashed.add(n);
        }
      }
      if (crashed.isEmpty()) {
        return null; // all already down: nothing happened
      }
      return new Strike(kind(), FaultScene.names(crashed) + (wipe ? " (disk wiped)" : ""),
          restartAfter, () -> crashed.forEach(Node::restart),
          new Crash(FaultScene.all(crashed), restartAfter, wipe));
    }

    @Override
    public Fault forNemesis() {
      throw new IllegalStateException("random crashes have their own nemesis (CrashNemesis)");
    }
  }

  /**
   * The network splits into groups that cannot reach each other while it lasts. Nodes in no
   * group are unaffected and still reach everyone, which is how a bridge is written: two groups,
   * and the bridge node in neither. With {@code oneWay}, only traffic from the first group to the
   * others is cut; the other direction still flows.
   */
  record Partition(List<Target> groups, boolean oneWay, Lasting lasting) implements Fault {
    public Partition {
      groups = List.copyOf(groups);
      Objects.requireNonNull(lasting, "lasting");
      if (groups.size() < 2) {
        throw new IllegalArgumentException("a partition needs at least two groups");
      }
    }

    @Override
    public String kind() {
      return oneWay ? "partition-one-way" : "partition";
    }

    /** The same partition, healing after {@code nanos}. */
    public Partition lasting(long nanos) {
      return new Partition(groups, oneWay, Lasting.forNanos(nanos));
    }

    /** The same partition, cutting only the traffic out of the first group. */
    public Partition oneWayOnly() {
      return new Partition(groups, true, lasting);
    }

    @Override
    public List<Target> targets() {
      return groups;
    }

    @Override
    public Strike strike(FaultScene scene) {
      List<List<Integer>> picked = new ArrayList<>();
      for (Target t : groups) {
        picked.add(scene.pick(t));
      }
      return Cuts.cut(scene, kind(), picked, oneWay, lasting,
          Cuts.partition(scene, picked, oneWay, lasting));
    }

    /** The first group's nodes, split in two at random at each strike. */
    @Override
    public Fault forNemesis() {
      return new Split(groups.get(0), lasting);
    }
  }

  /**
   * The candidates split into two non-empty groups drawn at random when the fault strikes, cut
   * off from each other while it lasts; nodes outside the candidates are unaffected. What the
   * random partition nemesis injects.
   */
  record Split(Target candidates, Lasting lasting) implements Fault {
    public Split {
      Objects.requireNonNull(candidates, "candidates");
      Objects.requireNonNull(lasting, "lasting");
    }

    @Override
    public String kind() {
      return "partition";
    }

    @Override
    public List<Target> targets() {
      return List.of(candidates);
    }

    /** The same split, healing after {@code nanos}. */
    public Split lasting(long nanos) {
      return new Split(candidates, Lasting.forNanos(nanos));
    }

    /** Two random non-empty groups of the candidates, by a Fisher-Yates shuffle and a cut. */
    @Override
    public Strike strike(FaultScene scene) {
      List<Integer> shuffled = new ArrayList<>(scene.ids(candidates));
      if (shuffled.size() < 2) {
        throw new IllegalStateException("a split needs at least two candidate nodes");
      }
      for (int i = shuffled.size() - 1; i > 0; i--) {
        int j = scene.rng().nextInt(i + 1);
        Integer tmp = shuffled.get(i);
        shuffled.set(i, shuffled.get(j));
        shuffled.set(j, tmp);
      }
      int cutAt = 1 + scene.rng().nextInt(shuffled.size() - 1);
      List<Integer> a = new ArrayList<>(shuffled.subList(0, cutAt));
      List<Integer> b = new ArrayList<>(shuffled.subList(cutAt, shuffled.size()));
      a.sort(null);
      b.sort(null);
      List<List<Integer>> groups = List.of(a, b);
      return Cuts.cut(scene, kind(), groups, false, lasting,
          Cuts.partition(scene, groups, false, lasting));
    }

    @Override
    public Fault forNemesis() {
      return this;
    }
  }

  /**
   * The target nodes are cut off from every other node, both ways, while it lasts. With a random
   * target, the node is drawn when the fault strikes.
   */
  record Isolate(Target target, Lasting lasting) implements Fault {
    public Isolate {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(lasting, "lasting");
    }

    @Override
    public String kind() {
      return "isolate";
    }

    /** The same isolation, healing after {@code nanos}. */
    public Isolate lasting(long nanos) {
      return new Isolate(target, Lasting.forNanos(nanos));
    }

    @Override
    public List<Target> targets() {
      return List.of(target);
    }

    @Override
    public Strike strike(FaultScene scene) {
      List<Integer> isolated = scene.pick(target);
      List<Integer> rest = new ArrayList<>();
      for (Node n : scene.world().nodes()) {
        if (!isolated.contains(n.id())) {
          rest.add(n.id());
        }
      }
      return Cuts.cut(scene, kind(), List.of(isolated, rest), false, lasting,
          new Isolate(scene.allOf(isolated), lasting));
    }

    @Override
    public Fault forNemesis() {
      return new Isolate(new Target.OneOf(target.names()), lasting);
    }
  }

  /**
   * Every link to and from the target nodes gets {@code extraLatencyNanos} more latency and an
   * extra loss probability while it lasts: a flaky switch port, a congested zone.
   */
  record Degrade(Target target, long extraLatencyNanos, double extraLoss, Lasting lasting)
      implements Fault {
    public Degrade {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(lasting, "lasting");
      if (extraLatencyNanos < 0 || !(extraLoss >= 0 && extraLoss <= 1)) {
        throw new IllegalArgumentException("degrade needs latency >= 0 and loss in [0, 1]");
      }
    }

    @Override
    public String kind() {
      return "degrade";
    }

    /** The same degradation, healing after {@code nanos}. */
    public Degrade lasting(long nanos) {
      return new Degrade(target, extraLatencyNanos, extraLoss, Lasting.forNanos(nanos));
    }

    @Override
    public List<Target> targets() {
      return List.of(target);
    }

    @Override
    public Strike strike(FaultScene scene) {
      List<Node> degraded = new ArrayList<>();
      for (int id : scene.pick(target)) {
        scene.world().network().degrade(id, extraLatencyNanos, extraLoss);
        degraded.add(scene.node(id));
      }
      return new Strike(kind(), FaultScene.names(degraded), lasting, () -> {
        for (Node n : degraded) {
          scene.world().network().restore(n.id());
        }
      }, new Degrade(FaultScene.all(degraded), extraLatencyNanos, extraLoss, lasting));
    }

    @Override
    public Fault forNemesis() {
      return new Degrade(new Target.OneOf(target.names()), extraLatencyNanos, extraLoss,
          lasting);
    }
  }

  /** The nodes' local clocks jump by {@code byNanos} (negative: backwards); instantaneous. */
  record ClockJump(Target target, long byNanos) implements Fault {
    public ClockJump {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String kind() {
      return "clock-jump";
    }

    @Override
    public List<Target> targets() {
      return List.of(target);
    }

    @Override
    public Strike strike(FaultScene scene) {
      List<Node> jumped = new ArrayList<>();
      for (int id : scene.pick(target)) {
        scene.node(id).clock().jump(byNanos);
        jumped.add(scene.node(id));
      }
      // The jump is over at once; its effect on the clock stays.
      return Strike.instant(kind(), FaultScene.names(jumped) + " by " + byNanos / 1e9 + "s",
          new ClockJump(FaultScene.all(jumped), byNanos));
    }

    @Override
    public Fault forNemesis() {
      return new ClockJump(new Target.OneOf(target.names()), byNanos);
    }
  }

  /**
   * The nodes' local clocks drift by {@code ppm} parts per million while it lasts, then return
   * to their previous drift (the offset gained stays, as on a real host).
   */
  record ClockDrift(Target target, double ppm, Lasting lasting) implements Fault {
    public ClockDrift {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(lasting, "lasting");
      if (!(ppm > -1e6) || Double.isInfinite(ppm)) {
        throw new IllegalArgumentException("drift must be a finite number > -1e6 ppm: " + ppm);
      }
    }

    @Override
    public String kind() {
      return "clock-drift";
    }

    /** The same drift, ending after {@code nanos}. */
    public ClockDrift lasting(long nanos) {
      return new ClockDrift(target, ppm, Lasting.forNanos(nanos));
    }

    @Override
    public List<Target> targets() {
      return List.of(target);
    }

    @Override
    public Strike strike(FaultScene scene) {
      List<Node> drifting = new ArrayList<>();
      List<Double> before = new ArrayList<>();
      for (int id : scene.pick(target)) {
        Node n = scene.node(id);
        before.add(n.clock().driftPpm());
        n.clock().setDrift(ppm);
        drifting.add(n);
      }
      return new Strike(kind(), FaultScene.names(drifting) + " " + ppm + "ppm", lasting, () -> {
        for (int i = 0; i < drifting.size(); i++) {
          drifting.get(i).clock().setDrift(before.get(i));
        }
      }, new ClockDrift(FaultScene.all(drifting), ppm, lasting));
    }

    @Override
    public Fault forNemesis() {
      return new ClockDrift(new Target.OneOf(target.names()), ppm, lasting);
    }
  }

  /**
   * The nodes' CPUs and/or disks run {@code factor} times slower while it lasts: a gray failure,
   * up and answering, only slowly.
   */
  record Slow(Target target, double factor, Lasting lasting, boolean cpu, boolean disk)
      implements Fault {
    public Slow {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(lasting, "lasting");
      if (!(factor >= 1) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("slow factor must be a finite number >= 1: " + factor);
      }
      if (!cpu && !disk) {
        throw new IllegalArgumentException("a slow fault slows the CPU, the disk or both");
      }
    }

    /** CPU and disk both slowed. */
    public Slow(Target target, double factor, Lasting lasting) {
      this(target, factor, lasting, true, true);
    }

    @Override
    public String kind() {
      return "slow";
    }

    /** The same slow spell, ending after {@code nanos}. */
    public Slow lasting(long nanos) {
      return new Slow(target, factor, Lasting.forNanos(nanos), cpu, disk);
    }

    /** The same slow spell, of the CPU only. */
    public Slow cpuOnly() {
      return new Slow(target, factor, lasting, true, false);
    }

    /** The same slow spell, of the disk only. */
    public Slow diskOnly() {
      return new Slow(target, factor, lasting, false, true);
    }

    @Override
    public List<Target> targets() {
      return List.of(target);
    }

    @Override
    public Strike strike(FaultScene scene) {
      List<Node> slowed = new ArrayList<>();
      for (int id : scene.pick(target)) {
        Node n = scene.node(id);
        setSlowdown(n, factor);
        slowed.add(n);
      }
      String what = cpu && disk ? "" : cpu ? " cpu" : " disk";
      return new Strike(kind(), FaultScene.names(slowed) + what + " x" + factor, lasting,
          () -> slowed.forEach(n -> setSlowdown(n, 1.0)),
          new Slow(FaultScene.all(slowed), factor, lasting, cpu, disk));
    }

    private void setSlowdown(Node n, double f) {
      if (cpu) {
        n.cpu().setSlowdown(f);
      }
      if (disk) {
        n.disk().setSlowdown(f);
      }
    }

    @Override
    public Fault forNemesis() {
      return new Slow(new Target.OneOf(target.names()), factor, lasting, cpu, disk);
    }
  }

  /**
   * Silent corruption on the target nodes: one bit flipped in each of {@code blocks} stored disk
   * blocks, {@code sectors} blocks made unreadable (latent sector errors), and every message to
   * or from them damaged with probability {@code messages} while it lasts. Disk damage stays
   * until the block is rewritten; only the message corruption heals.
   */
  record Corrupt(Target target, int blocks, int sectors, double messages, Lasting lasting)
      implements Fault {
    public Corrupt {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(lasting, "lasting");
      if (blocks < 0 || sectors < 0 || !(messages >= 0 && messages <= 1)) {
        throw new IllegalArgumentException("corrupt needs blocks, sectors >= 0 and messages in "
            + "[0, 1]");
      }
    }

    @Override
    public String kind() {
      return "corrupt";
    }

    /** The same corruption, also making {@code n} stored blocks unreadable. */
    public Corrupt sectors(int n) {
      return new Corrupt(target, blocks, n, messages, lasting);
    }

    /**
     * The same corruption, also damaging each message to or from the nodes with probability
     * {@code p} while it lasts ({@link #lasting}).
     */
    public Corrupt messages(double p) {
      return new Corrupt(target, blocks, sectors, p, lasting);
    }

    /** The same corruption, its message damage ending after {@code nanos}. */
    public Corrupt lasting(long nanos) {
      return new Corrupt(target, blocks, sectors, messages, Lasting.forNanos(nanos));
    }

    @Override
    public List<Target> targets() {
      return List.of(target);
    }

    @Override
    public Strike strike(FaultScene scene) {
      List<Node> hit = new ArrayList<>();
      StringBuilder what = new StringBuilder();
      for (int id : scene.pick(target)) {
        Node n = scene.node(id);
        hit.add(n);
        if (blocks > 0) {
          int flipped = n.disk().corruptBlocks(blocks, scene.rng()).size();
          what.append(" ").append(n.name()).append(": ").append(flipped)
              .append(" block(s) flipped");
        }
        if (sectors > 0) {
          int failed = n.disk().failSectors(sectors, scene.rng()).size();
          what.append(" ").append(n.name()).append(": ").append(failed)
              .append(" sector error(s)");
        }
        if (messages > 0) {
          scene.world().network().corruptLinks(id, messages);
        }
      }
      // Struck again, the same nodes are hit; which blocks flip is drawn afresh.
      Corrupt struck = new Corrupt(FaultScene.all(hit), blocks, sectors, messages, lasting);
      if (messages == 0) {
        // The damage on disk stays until rewritten; the act itself is over.
        return Strike.instant(kind(), FaultScene.names(hit) + what, struck);
      }
      what.append(" messages p=").append(messages);
      return new Strike(kind(), FaultScene.names(hit) + what, lasting, () -> {
        for (Node n : hit) {
          scene.world().network().corruptLinks(n.id(), 0);
        }
      }, struck);
    }

    @Override
    public Fault forNemesis() {
      return new Corrupt(new Target.OneOf(target.names()), blocks, sectors, messages, lasting);
    }
  }
}
