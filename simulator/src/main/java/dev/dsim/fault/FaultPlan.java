package dev.dsim.fault;

import java.util.List;
import java.util.Objects;

/**
 * The faults of a run: a schedule of faults at fixed times, random crashes, and nemeses that
 * strike other faults at random intervals. The scenario binds it from its {@code faults} section
 * and the {@link FaultInjector} carries it out; it is the same model in both, with targets by
 * name.
 *
 * @param schedule faults at fixed times, in the scenario's order
 * @param randomCrash random crashes, or null for none
 * @param random the nemeses of other kinds, in the scenario's order
 * @param swarm swarm testing: each run starts only a random subset of the random kinds (the
 *     crash nemesis is one of them), drawn by {@link Swarm} from the stream
 *     {@code nemesis/swarm}; the schedule is untouched
 */
public record FaultPlan(List<Scheduled> schedule, CrashNemesis randomCrash,
    List<RandomFault> random, boolean swarm) {
  /** No faults at all. */
  public static final FaultPlan NONE = new FaultPlan(List.of(), null, List.of());

  public FaultPlan {
    schedule = List.copyOf(schedule);
    random = List.copyOf(random);
    if (swarm && randomCrash == null && random.isEmpty()) {
      throw new IllegalArgumentException("swarm testing draws a subset of the random fault "
          + "kinds, and this plan has none");
    }
  }

  /** A plan without swarm testing: every random kind strikes in every run. */
  public FaultPlan(List<Scheduled> schedule, CrashNemesis randomCrash, List<RandomFault> random) {
    this(schedule, randomCrash, random, false);
  }

  /** The same faults with swarm testing on or off. */
  public FaultPlan withSwarm(boolean on) {
    return new FaultPlan(schedule, randomCrash, random, on);
  }

  /** The same nemeses (and swarm setting) with another schedule. */
  public FaultPlan withSchedule(List<Scheduled> newSchedule) {
    return new FaultPlan(newSchedule, randomCrash, random, swarm);
  }

  /** Whether there is any random fault kind (what swarm testing chooses among). */
  public boolean hasRandom() {
    return randomCrash != null || !random.isEmpty();
  }

  /** A plan written in Java: see {@link Faults} for the faults and an example. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a plan step by step: scheduled faults ({@link #at}), nemeses ({@link #every}), random
   * crashes ({@link #randomCrashes}) and swarm testing ({@link #swarm}), targets by node name.
   */
  public static final class Builder {
    private final List<Scheduled> schedule = new java.util.ArrayList<>();
    private final List<RandomFault> random = new java.util.ArrayList<>();
    private CrashNemesis randomCrash;
    private boolean swarm;

    private Builder() {}

    /** {@code fault} strikes at {@code atNanos} of simulated time. */
    public Builder at(long atNanos, Fault fault) {
      schedule.add(new Scheduled(atNanos, fault));
      return this;
    }

    /**
     * A nemesis strikes {@code fault} again and again, at exponential intervals of mean
     * {@code meanIntervalNanos}; each strike draws its target among the fault's nodes (a split
     * draws its two groups).
     */
    public Builder every(long meanIntervalNanos, Fault fault) {
      random.add(new RandomFault(meanIntervalNanos, fault));
      return this;
    }

    /**
     * Each named node crashes after an exponential time up (mean {@code mttfNanos}) and
     * restarts after an exponential time down (mean {@code mttrNanos}), never more than
     * {@code maxDown} of them down at once.
     */
    public Builder randomCrashes(long mttfNanos, long mttrNanos, int maxDown, String... nodes) {
      if (randomCrash != null) {
        throw new IllegalStateException("a plan has one random-crash nemesis; name every node "
            + "it may crash in one call");
      }
      randomCrash = new CrashNemesis(Faults.nodes(nodes), mttfNanos, mttrNanos, maxDown);
      return this;
    }

    /** Swarm testing: each run starts only a random subset of the random kinds. */
    public Builder swarm() {
      swarm = true;
      return this;
    }

    /** The plan; the schedule in time order (faults at the same time in the order given). */
    public FaultPlan build() {
      List<Scheduled> sorted = new java.util.ArrayList<>(schedule);
      sorted.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
      return new FaultPlan(sorted, randomCrash, random, swarm);
    }
  }

  /** A fault and the simulated time at which it strikes. */
  public record Scheduled(long atNanos, Fault fault) implements java.io.Serializable {
    public Scheduled {
      if (atNanos < 0) {
        throw new IllegalArgumentException("a fault cannot strike before time 0: " + atNanos);
      }
      Objects.requireNonNull(fault, "fault");
    }
  }

  /**
   * A fault a nemesis strikes again and again: the gaps between strikes are exponential with
   * mean {@code meanIntervalNanos} (a Poisson process, "mtbf" or "rate" in a scenario), and the
   * fault's targets are candidates ({@link Fault#forNemesis()}): each strike draws afresh, from
   * the nemesis' own stream, which of them it hits.
   */
  public record RandomFault(long meanIntervalNanos, Fault fault) {
    public RandomFault {
      Objects.requireNonNull(fault, "fault");
      if (meanIntervalNanos <= 0) {
        throw new IllegalArgumentException("mean interval must be > 0: " + meanIntervalNanos);
      }
      if (fault instanceof Fault.Crash) {
        throw new IllegalArgumentException("random crashes have their own nemesis "
            + "(CrashNemesis: mttf, mttr, maxDown)");
      }
    }
  }

  /**
   * Random crashes: each candidate node fails after an exponential time with mean
   * {@code mttfNanos} of being up and is repaired (restarted) after an exponential time with
   * mean {@code mttrNanos}, but never more than {@code maxDown} candidates are down at once.
   */
  public record CrashNemesis(Target candidates, long mttfNanos, long mttrNanos, int maxDown) {
    public CrashNemesis {
      Objects.requireNonNull(candidates, "candidates");
      if (mttfNanos <= 0 || mttrNanos <= 0) {
        throw new IllegalArgumentException("mttf and mttr must be > 0");
      }
      if (maxDown < 1) {
        throw new IllegalArgumentException("maxDown must be >= 1: " + maxDown);
      }
    }
  }
}
