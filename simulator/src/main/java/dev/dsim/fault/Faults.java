package dev.dsim.fault;

import java.util.List;

/**
 * Faults written in Java, by node name, for a {@link FaultPlan.Builder}: import the factories
 * statically and chain the settings each fault has.
 *
 * <pre>{@code
 * import static dev.dsim.engine.Durations.*;
 * import static dev.dsim.fault.Faults.*;
 *
 * FaultPlan plan = FaultPlan.builder()
 *     .at(seconds(2), crash("n1").restartAfter(seconds(1)))
 *     .at(seconds(5), partition(nodes("n1", "n2"), nodes("n3", "n4", "n5")).lasting(ms(300)))
 *     .every(ms(400), split("n1", "n2", "n3", "n4", "n5").lasting(ms(300)))
 *     .randomCrashes(seconds(20), seconds(3), 1, "n1", "n2", "n3")
 *     .build();
 * }</pre>
 *
 * A fault that is not given a duration never heals by itself (the run's quiet period, or the
 * end of the run, does). Names are resolved when the fault strikes ({@link Resolver#byNodeName}
 * when the plan is struck through {@code RunFaults}); an unknown name fails the run there.
 */
public final class Faults {
  private Faults() {}

  /** Every node named: a partition's group, or a fault's targets. */
  public static Target.All nodes(String... names) {
    return new Target.All(List.of(names));
  }

  /** One of the nodes named, drawn from the fault's own stream when it strikes. */
  public static Target.OneOf oneOf(String... names) {
    return new Target.OneOf(List.of(names));
  }

  /** The nodes crash, and stay down until {@link Fault.Crash#restartAfter}. */
  public static Fault.Crash crash(String... nodes) {
    return new Fault.Crash(nodes(nodes), Lasting.forever(), false);
  }

  /** One of the nodes, drawn when it strikes, crashes. */
  public static Fault.Crash crash(Target target) {
    return new Fault.Crash(target, Lasting.forever(), false);
  }

  /** The groups cannot reach each other (nodes in no group reach everyone). */
  public static Fault.Partition partition(Target.All first, Target.All second,
      Target.All... more) {
    List<Target> groups = new java.util.ArrayList<>(List.of(first, second));
    groups.addAll(List.of(more));
    return new Fault.Partition(groups, false, Lasting.forever());
  }

  /**
   * The candidates split into two random non-empty groups at each strike: what a nemesis
   * ({@link FaultPlan.Builder#every}) strikes again and again.
   */
  public static Fault.Split split(String... candidates) {
    return new Fault.Split(nodes(candidates), Lasting.forever());
  }

  /** The nodes are cut off from every other node, both ways. */
  public static Fault.Isolate isolate(String... nodes) {
    return new Fault.Isolate(nodes(nodes), Lasting.forever());
  }

  /** The nodes' CPUs and disks run {@code factor} times slower. */
  public static Fault.Slow slow(double factor, String... nodes) {
    return new Fault.Slow(nodes(nodes), factor, Lasting.forever());
  }

  /** Every message to or from the nodes gets more latency and an extra loss probability. */
  public static Fault.Degrade degrade(long extraLatencyNanos, double extraLoss,
      String... nodes) {
    return new Fault.Degrade(nodes(nodes), extraLatencyNanos, extraLoss, Lasting.forever());
  }

  /** The nodes' clocks jump by {@code byNanos} (negative: backwards), at once. */
  public static Fault.ClockJump clockJump(long byNanos, String... nodes) {
    return new Fault.ClockJump(nodes(nodes), byNanos);
  }

  /** The nodes' clocks drift by {@code ppm} parts per million. */
  public static Fault.ClockDrift clockDrift(double ppm, String... nodes) {
    return new Fault.ClockDrift(nodes(nodes), ppm, Lasting.forever());
  }

  /**
   * A bit flips in each of {@code blocks} stored blocks of each node (see
   * {@link Fault.Corrupt#sectors} and {@link Fault.Corrupt#messages} for the other kinds).
   */
  public static Fault.Corrupt corrupt(int blocks, String... nodes) {
    return new Fault.Corrupt(nodes(nodes), blocks, 0, 0, Lasting.forever());
  }
}
