package dev.dsim.fault;

import dev.dsim.engine.Rng;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Swarm testing (Groce et al., "Swarm Testing", ISSTA 2012): instead of every run striking with
 * every kind of random fault, each run enables a random subset of the kinds its plan declares.
 * A bug that one kind of fault hides (a partition that keeps a node from doing harm, a crash
 * that wipes the evidence) shows in the runs where that kind is off, and with k kinds half the
 * seeds have any given kind off.
 *
 * <p>The draw is a pure function of the declared kinds and the stream: each kind is on with
 * probability 1/2, from a stream of its own below the swarm stream
 * ({@code nemesis/swarm/<kind>}), so whether a kind is on in a seed does not depend on which
 * other kinds the plan declares. When every coin says off, one kind is picked uniformly from the
 * swarm stream itself, so at least one kind is always on.
 */
public final class Swarm {
  /** The name of the stream the draw comes from, forked from the run's root stream. */
  public static final String STREAM = "nemesis/swarm";

  /** Every random kind, by its key under {@code faults.random}, in the format's order. */
  public static final List<String> KINDS = List.of("crash", "partition", "isolate", "slow",
      "degrade", "corrupt", "clockJump", "clockDrift");

  private Swarm() {}

  /**
   * What one run drew: the kinds it enabled and those it disabled, each in declaration order.
   */
  public record Draw(List<String> enabled, List<String> disabled) {
    public Draw {
      enabled = List.copyOf(enabled);
      disabled = List.copyOf(disabled);
      if (enabled.isEmpty()) {
        throw new IllegalArgumentException("a swarm draw enables at least one kind");
      }
    }

    /** Whether {@code kind} (a key under {@code faults.random}) strikes in this run. */
    public boolean isEnabled(String kind) {
      return enabled.contains(kind);
    }
  }

  /**
   * The subset of {@code declared} kinds a run enables, drawn from {@code swarm} (the run's
   * {@value #STREAM} stream).
   *
   * @param declared distinct kinds, in declaration order (at least one)
   */
  public static Draw draw(List<String> declared, Rng swarm) {
    Objects.requireNonNull(swarm, "swarm");
    if (declared.isEmpty()) {
      throw new IllegalArgumentException("swarm testing needs at least one random fault kind");
    }
    if (new LinkedHashSet<>(declared).size() != declared.size()) {
      throw new IllegalArgumentException("each kind once: " + declared);
    }
    List<String> enabled = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    for (String kind : declared) {
      (swarm.fork(kind).bernoulli(0.5) ? enabled : disabled).add(kind);
    }
    if (enabled.isEmpty()) {
      String picked = declared.get(swarm.nextInt(declared.size()));
      enabled.add(picked);
      disabled.remove(picked);
    }
    return new Draw(enabled, disabled);
  }

  /**
   * The random kinds a plan declares, each once, by their keys under {@code faults.random}, in
   * the format's order: {@code crash} (the crash nemesis) first, then the other nemeses' kinds
   * in the plan's order.
   */
  public static List<String> kinds(FaultPlan plan) {
    Set<String> kinds = new LinkedHashSet<>();
    if (plan.randomCrash() != null) {
      kinds.add("crash");
    }
    for (FaultPlan.RandomFault r : plan.random()) {
      kinds.add(kindOf(r.fault()));
    }
    return List.copyOf(kinds);
  }

  /** A nemesis fault's key under {@code faults.random} ("partition", "clockJump", …). */
  public static String kindOf(Fault fault) {
    if (fault instanceof Fault.Partition || fault instanceof Fault.Split) {
      return "partition";
    }
    if (fault instanceof Fault.ClockJump) {
      return "clockJump";
    }
    if (fault instanceof Fault.ClockDrift) {
      return "clockDrift";
    }
    return fault.kind();
  }
}
