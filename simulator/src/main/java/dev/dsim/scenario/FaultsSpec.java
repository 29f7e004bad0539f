package dev.dsim.scenario;

import java.util.List;

/**
 * The scenario's faults: a schedule of faults at fixed times, and random crashes. Targets are
 * still names here ({@code "web-2"}, {@code "web"} for a whole tier, {@code "random:web"} for
 * one node of a tier drawn when the fault strikes); the compiler resolves them to nodes.
 *
 * @param schedule faults at fixed times, in file order
 * @param randomCrash random crashes, or null for none
 */
public record FaultsSpec(List<FaultSpec> schedule, RandomCrashSpec randomCrash,
    List<RandomFault> random) {
  public static final FaultsSpec NONE = new FaultsSpec(List.of(), null, List.of());

  public FaultsSpec {
    schedule = List.copyOf(schedule);
    random = List.copyOf(random);
  }

  /**
   * A fault the nemesis strikes at exponential intervals of mean {@code meanIntervalNanos}. The
   * fault's targets are candidates: a slow or corrupt fault hits one of them drawn at each
   * strike, a partition splits them into two random groups.
   */
  public record RandomFault(long meanIntervalNanos, FaultSpec fault) {}

  /** One scheduled fault. Durations of -1 mean "never heals". */
  public sealed interface FaultSpec {
    long atNanos();
  }

  /**
   * Crash the targets; restart them after {@code restartAfterNanos} (-1: never); with
   * {@code wipe} their disks are lost.
   */
  public record Crash(long atNanos, List<String> targets, long restartAfterNanos, boolean wipe)
      implements FaultSpec {
    public Crash {
      targets = List.copyOf(targets);
    }
  }

  /**
   * Split the network into groups for {@code forNanos} (-1: never heals). With {@code isolate},
   * there is one listed group and the second is everyone else.
   */
  public record Partition(long atNanos, List<List<String>> groups, boolean oneWay,
      boolean isolate, long forNanos) implements FaultSpec {
    public Partition {
      groups = groups.stream().map(List::copyOf).toList();
    }
  }

  /** Slow the targets' CPUs and/or disks by {@code factor} for {@code forNanos} (-1: never). */
  public record Slow(long atNanos, List<String> targets, double factor, long forNanos,
      boolean cpu, boolean disk) implements FaultSpec {
    public Slow {
      targets = List.copyOf(targets);
    }
  }

  /** Degrade the targets' links by extra latency and loss for {@code forNanos} (-1: never). */
  public record Degrade(long atNanos, List<String> targets, long extraLatencyNanos,
      double extraLoss, long forNanos) implements FaultSpec {
    public Degrade {
      targets = List.copyOf(targets);
    }
  }

  /** Jump the targets' local clocks by {@code byNanos}. */
  public record ClockJump(long atNanos, List<String> targets, long byNanos) implements FaultSpec {
    public ClockJump {
      targets = List.copyOf(targets);
    }
  }

  /** Make the targets' local clocks drift by {@code ppm} for {@code forNanos} (-1: never). */
  public record ClockDrift(long atNanos, List<String> targets, double ppm, long forNanos)
      implements FaultSpec {
    public ClockDrift {
      targets = List.copyOf(targets);
    }
  }

  /**
   * Flip a bit in {@code blocks} stored blocks and make {@code sectors} blocks unreadable on each
   * target's disk; damage messages to and from them with probability {@code messages} for
   * {@code forNanos} (-1: never heals).
   */
  public record Corrupt(long atNanos, List<String> targets, int blocks, int sectors,
      double messages, long forNanos) implements FaultSpec {
    public Corrupt {
      targets = List.copyOf(targets);
    }
  }

  /** Random crashes of the targets' nodes: mean time to failure, to repair, most down at once. */
  public record RandomCrashSpec(List<String> targets, long mttfNanos, long mttrNanos,
      int maxDown) {
    public RandomCrashSpec {
      targets = List.copyOf(targets);
    }
  }
}
