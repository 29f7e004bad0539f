package dev.dsim.fault;

import dev.dsim.engine.EventKind;
import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import dev.dsim.world.Network;
import dev.dsim.world.Node;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Makes faults happen: schedules the plan's faults and heals, runs the random crash nemesis, and
 * logs every fault in a {@link FaultLog}. Acts on the world only through its public operations.
 *
 * <p>Each scheduled fault draws its random choices (a random node of a tier) from its own stream
 * {@code fault/<index>}, each nemesis candidate from {@code nemesis/crash/<node>}, so adding a
 * fault never changes another fault's draws.
 */
public final class FaultInjector {
  static final EventKind STRIKE = EventKind.of("fault");
  static final EventKind HEAL = EventKind.of("heal");

  private final World world;
  private final Simulation sim;
  private final FaultLog log;
  /** Nemeses started per stream name, so a second one of a kind gets a stream of its own. */
  private final java.util.Map<String, Integer> nemesisNames = new java.util.HashMap<>();
  /** Who is striking right now ("schedule" or "nemesis"), for the log. */
  private String source = "schedule";
  /** Heals of faults still in force, by log record, in the order they struck. */
  private final java.util.Map<Integer, Runnable> pendingHeals = new java.util.LinkedHashMap<>();
  /** Set by {@link #healAll}: nothing strikes any more. */
  private boolean quiet;

  public FaultInjector(World world, FaultLog log) {
    this.world = Objects.requireNonNull(world, "world");
    this.sim = world.sim();
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Schedules every fault of the plan (and its heal, if it has one). */
  public void schedule(List<ScheduledFault> plan) {
    for (int i = 0; i < plan.size(); i++) {
      ScheduledFault f = plan.get(i);
      Rng rng = sim.rng().fork("fault/" + i);
      sim.schedule(f.atNanos(), STRIKE, -1, () -> strike(f.fault(), rng, "schedule"));
    }
  }

  /**
   * Starts a nemesis that strikes {@code spec}'s fault again and again, at exponential intervals
   * drawn from the stream {@code nemesis/<kind>} (a second nemesis of the same kind gets
   * {@code nemesis/<kind>#2}, and so on).
   */
  public void start(RandomFaultSpec spec) {
    String name = "nemesis/" + spec.fault().kind();
    int seen = nemesisNames.getOrDefault(name, 0) + 1;
    nemesisNames.put(name, seen);
    Rng rng = sim.rng().fork(seen == 1 ? name : name + "#" + seen);
    ContinuousSampler gap = rng.exponential(spec.meanIntervalNanos());
    strikeAgain(spec.fault(), gap, rng);
  }

  private void strikeAgain(Fault fault, ContinuousSampler gap, Rng rng) {
    sim.after(Math.round(gap.sample()), STRIKE, -1, () -> {
      if (quiet) {
        return;
      }
      strike(fault, rng, "nemesis");
      strikeAgain(fault, gap, rng);
    });
  }

  private void strike(Fault fault, Rng rng, String source) {
    if (quiet) {
      return;
    }
    this.source = source;
    if (fault instanceof Fault.Crash c) {
      crash(c, rng);
    } else if (fault instanceof Fault.Partition p) {
      List<List<Integer>> groups = new ArrayList<>();
      for (Target t : p.groups()) {
        groups.add(t.pick(rng));
      }
      cut(p.kind(), groups, p.oneWay(), p.forNanos());
    } else if (fault instanceof Fault.Split sp) {
      split(sp, rng);
    } else if (fault instanceof Fault.Corrupt c) {
      corrupt(c, rng);
    } else if (fault instanceof Fault.Isolate i) {
      List<Integer> isolated = i.target().pick(rng);
      List<Integer> rest = new ArrayList<>();
      for (Node n : world.nodes()) {
        if (!isolated.contains(n.id())) {
          rest.add(n.id());
        }
      }
      cut(i.kind(), List.of(isolated, rest), false, i.forNanos());
    } else if (fault instanceof Fault.Slow s) {
      slow(s, rng);
    } else if (fault instanceof Fault.Degrade d) {
      degrade(d, rng);
    } else if (fault instanceof Fault.ClockJump j) {
      List<Node> jumped = new ArrayList<>();
      for (int id : j.target().pick(rng)) {
        world.node(id).clock().jump(j.byNanos());
        jumped.add(world.node(id));
      }
      int record = log.struck("clock-jump", names(jumped) + " by " + j.byNanos() / 1e9 + "s",
          sim.now(), source);
      log.healed(record, sim.now()); // a jump is instantaneous; its effect stays
    } else if (fault instanceof Fault.ClockDrift d) {
      clockDrift(d, rng);
    } else {
      throw new IllegalStateException("unknown fault " + fault);
    }
  }

  private void crash(Fault.Crash c, Rng rng) {
    List<Node> crashed = new ArrayList<>();
    for (int id : c.target().pick(rng)) {
      Node n = world.node(id);
      if (n.crash(c.wipe())) {
        crashed.add(n);
      }
    }
    if (crashed.isEmpty()) {
      return; // all already down: nothing happened, nothing to log
    }
    int record = log.struck("crash", names(crashed) + (c.wipe() ? " (disk wiped)" : ""),
        sim.now(), source);
    healLater(record, c.restartAfterNanos(), () -> {
      for (Node n : crashed) {
        n.restart();
      }
    });
  }

  /** Blocks every pair across groups (only out of the first group when one-way). */
  private void cut(String kind, List<List<Integer>> groups, boolean oneWay, long forNanos) {
    List<long[]> cut = new ArrayList<>();
    Network net = world.network();
    for (int i = 0; i < groups.size(); i++) {
      for (int j = 0; j < groups.size(); j++) {
        if (i == j || (oneWay && i != 0)) {
          continue;
        }
        for (int a : groups.get(i)) {
          for (int b : groups.get(j)) {
            net.block(a, b);
            cut.add(new long[] {a, b});
          }
        }
      }
    }
    StringBuilder label = new StringBuilder();
    for (List<Integer> g : groups) {
      label.append(label.length() == 0 ? "" : oneWay ? " -/-> " : " | ");
      label.append(names(g.stream().map(world::node).toList()));
    }
    int record = log.struck(kind, label.toString(), sim.now(), source);
    healLater(record, forNanos, () -> {
      for (long[] pair : cut) {
        net.unblock((int) pair[0], (int) pair[1]);
      }
    });
  }

  private void slow(Fault.Slow s, Rng rng) {
    List<Node> slowed = new ArrayList<>();
    for (int id : s.target().pick(rng)) {
      Node n = world.node(id);
      if (s.cpu()) {
        n.cpu().setSlowdown(s.factor());
      }
      if (s.disk()) {
        n.disk().setSlowdown(s.factor());
      }
      slowed.add(n);
    }
    String what = s.cpu() && s.disk() ? "" : s.cpu() ? " cpu" : " disk";
    int record = log.struck("slow", names(slowed) + what + " x" + s.factor(), sim.now(),
        source);
    healLater(record, s.forNanos(), () -> {
      for (Node n : slowed) {
        if (s.cpu()) {
          n.cpu().setSlowdown(1.0);
        }
        if (s.disk()) {
          n.disk().setSlowdown(1.0);
        }
      }
    });
  }

  /** Two random non-empty groups of the candidates, by a Fisher-Yates shuffle and a cut. */
  private void split(Fault.Split sp, Rng rng) {
    List<Integer> shuffled = new ArrayList<>(sp.candidates());
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Integer tmp = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, tmp);
    }
    int cutAt = 1 + rng.nextInt(shuffled.size() - 1);
    List<Integer> a = new ArrayList<>(shuffled.subList(0, cutAt));
    List<Integer> b = new ArrayList<>(shuffled.subList(cutAt, shuffled.size()));
    a.sort(null);
    b.sort(null);
    cut(sp.kind(), List.of(a, b), false, sp.forNanos());
  }

  private void corrupt(Fault.Corrupt c, Rng rng) {
    List<Node> hit = new ArrayList<>();
    StringBuilder what = new StringBuilder();
    for (int id : c.target().pick(rng)) {
      Node n = world.node(id);
      hit.add(n);
      if (c.blocks() > 0) {
        List<String> keys = n.disk().corruptBlocks(c.blocks(), rng);
        what.append(" ").append(n.name()).append(": ").append(keys.size())
            .append(" block(s) flipped");
      }
      if (c.sectors() > 0) {
        List<String> keys = n.disk().failSectors(c.sectors(), rng);
        what.append(" ").append(n.name()).append(": ").append(keys.size())
            .append(" sector error(s)");
      }
      if (c.messages() > 0) {
        world.network().corruptLinks(id, c.messages());
      }
    }
    if (c.messages() > 0) {
      what.append(" messages p=").append(c.messages());
    }
    int record = log.struck("corrupt", names(hit) + what, sim.now(), source);
    if (c.messages() == 0) {
      log.healed(record, sim.now()); // damage on disk stays until rewritten; the act is over
    } else {
      healLater(record, c.forNanos(), () -> {
        for (Node n : hit) {
          world.network().corruptLinks(n.id(), 0);
        }
      });
    }
  }

  private void degrade(Fault.Degrade d, Rng rng) {
    List<Node> degraded = new ArrayList<>();
    for (int id : d.target().pick(rng)) {
      world.network().degrade(id, d.extraLatencyNanos(), d.extraLoss());
      degraded.add(world.node(id));
    }
    int record = log.struck("degrade", names(degraded), sim.now(), source);
    healLater(record, d.forNanos(), () -> {
      for (Node n : degraded) {
        world.network().restore(n.id());
      }
    });
  }

  private void clockDrift(Fault.ClockDrift d, Rng rng) {
    List<Node> drifting = new ArrayList<>();
    List<Double> before = new ArrayList<>();
    for (int id : d.target().pick(rng)) {
      Node n = world.node(id);
      before.add(n.clock().driftPpm());
      n.clock().setDrift(d.ppm());
      drifting.add(n);
    }
    int record = log.struck("clock-drift", names(drifting) + " " + d.ppm() + "ppm", sim.now(),
        source);
    healLater(record, d.forNanos(), () -> {
      for (int i = 0; i < drifting.size(); i++) {
        drifting.get(i).clock().setDrift(before.get(i));
      }
    });
  }

  /**
   * Starts random crashes: each candidate fails after Exp(mttf) of uptime and is repaired after
   * Exp(mttr). A failure that would take more than maxDown candidates down is skipped (the node
   * survives and draws its next time to failure).
   */
  public void start(CrashNemesisSpec spec) {
    for (int id : spec.candidates()) {
      Node n = world.node(id);
      Rng rng = sim.rng().fork("nemesis/crash/" + n.name());
      ContinuousSampler ttf = rng.exponential(spec.mttfNanos());
      ContinuousSampler ttr = rng.exponential(spec.mttrNanos());
      scheduleFailure(spec, n, ttf, ttr);
    }
  }

  private void scheduleFailure(CrashNemesisSpec spec, Node n, ContinuousSampler ttf,
      ContinuousSampler ttr) {
    sim.after(Math.round(ttf.sample()), STRIKE, n.id(), () -> {
      if (quiet) {
        return;
      }
      if (!n.isUp() || downAmong(spec.candidates()) >= spec.maxDown()) {
        scheduleFailure(spec, n, ttf, ttr);
        return;
      }
      n.crash();
      int record = log.struck("crash", n.name(), sim.now(), "nemesis");
      pendingHeals.put(record, n::restart);
      sim.after(Math.round(ttr.sample()), HEAL, n.id(), () -> {
        healNow(record);
        scheduleFailure(spec, n, ttf, ttr);
      });
    });
  }

  private int downAmong(List<Integer> ids) {
    int down = 0;
    for (int id : ids) {
      if (!world.node(id).isUp()) {
        down++;
      }
    }
    return down;
  }

  /**
   * Registers the heal of fault {@code record} and schedules it after {@code forNanos} (never,
   * for {@link Fault#FOREVER}: then only {@link #healAll} heals it).
   */
  private void healLater(int record, long forNanos, Runnable heal) {
    pendingHeals.put(record, heal);
    if (forNanos != Fault.FOREVER) {
      sim.after(forNanos, HEAL, -1, () -> healNow(record));
    }
  }

  private void healNow(int record) {
    Runnable heal = pendingHeals.remove(record);
    if (heal != null) {
      heal.run();
      log.healed(record, sim.now());
    }
  }

  /**
   * Starts the quiet period at the end of a run: every fault still in force heals now (crashed
   * nodes restart, partitions heal, slow nodes and links recover), and no fault strikes again,
   * scheduled or random. Damage already done stays: a wiped disk, flipped bits, a clock that
   * jumped.
   */
  public void healAll() {
    quiet = true;
    for (Integer record : List.copyOf(pendingHeals.keySet())) {
      healNow(record);
    }
  }

  private static String names(List<Node> nodes) {
    StringBuilder sb = new StringBuilder();
    for (Node n : nodes) {
      sb.append(sb.length() == 0 ? "" : ",").append(n.name());
    }
    return sb.toString();
  }
}
