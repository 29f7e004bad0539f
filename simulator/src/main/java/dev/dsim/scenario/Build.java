package dev.dsim.scenario;

import dev.dsim.engine.Durations;
import dev.dsim.scenario.Expectation.Comparison;
import java.util.List;

/**
 * The factories of the typed scenario builder, in one class to import statically
 * ({@code import static dev.dsim.scenario.Build.*;}): durations, sizes, bandwidths,
 * distributions, the sections and their parts, faults and expectations. Each makes a value or a
 * section that writes the format's JSON; {@link Scenario#named} starts a scenario with them.
 *
 * <pre>{@code
 * Scenario.named("web").duration(minutes(1))
 *     .clients(openLoop(300))
 *     .tier("web", stateless().nodes(8).cores(4).work(exponential(ms(8))))
 *     .build();
 * }</pre>
 *
 * <p>Nothing here validates: values go to the binder, which reports a mistake at its JSON path,
 * as for a file. The value types reject only what the format cannot write at all (a negative
 * size, a NaN).
 */
public final class Build {
  private Build() {}

  // ---- durations: exact, written in the format's canonical form ("8ms", "1.5s")

  /** Nanoseconds. */
  public static Duration ns(long nanos) {
    return new Duration(nanos);
  }

  /** Microseconds. */
  public static Duration us(double micros) {
    return Duration.of(micros, Durations.NANOS_PER_MICRO);
  }

  /** Milliseconds. */
  public static Duration ms(double millis) {
    return Duration.of(millis, Durations.NANOS_PER_MILLI);
  }

  /** Seconds. */
  public static Duration seconds(double seconds) {
    return Duration.of(seconds, Durations.NANOS_PER_SECOND);
  }

  /** Minutes. */
  public static Duration minutes(double minutes) {
    return Duration.of(minutes, Durations.NANOS_PER_MINUTE);
  }

  /** Hours. */
  public static Duration hours(double hours) {
    return Duration.of(hours, Durations.NANOS_PER_HOUR);
  }

  /** Days. */
  public static Duration days(double days) {
    return Duration.of(days, Durations.NANOS_PER_DAY);
  }

  // ---- sizes and bandwidths

  /** Bytes. */
  public static Size bytes(long bytes) {
    return new Size(bytes);
  }

  /** Kibibytes (1024 bytes). */
  public static Size kib(double kib) {
    return Size.of(kib, 1L << 10);
  }

  /** Mebibytes. */
  public static Size mib(double mib) {
    return Size.of(mib, 1L << 20);
  }

  /** Gibibytes. */
  public static Size gib(double gib) {
    return Size.of(gib, 1L << 30);
  }

  /** Kilobytes (1000 bytes). */
  public static Size kb(double kb) {
    return Size.of(kb, 1_000L);
  }

  /** Megabytes. */
  public static Size mb(double mb) {
    return Size.of(mb, 1_000_000L);
  }

  /** Gigabytes. */
  public static Size gb(double gb) {
    return Size.of(gb, 1_000_000_000L);
  }

  /** Bits per second. */
  public static Bandwidth bps(long bitsPerSecond) {
    return new Bandwidth(bitsPerSecond);
  }

  /** Megabits per second. */
  public static Bandwidth mbps(double megabits) {
    return Bandwidth.of(megabits, 1_000_000L);
  }

  /** Gigabits per second. */
  public static Bandwidth gbps(double gigabits) {
    return Bandwidth.of(gigabits, 1_000_000_000L);
  }

  // ---- distributions of durations

  /** Always {@code value}: the duration itself (a file writes it bare, {@code "8ms"}). */
  public static Duration constant(Duration value) {
    return value;
  }

  /** Exponential (memoryless) with the given mean. */
  public static Dist exponential(Duration mean) {
    return new Dist.Exponential(mean);
  }

  /** Uniform between {@code min} and {@code max}. */
  public static Dist uniform(Duration min, Duration max) {
    return new Dist.Uniform(min, max);
  }

  /** Normal, clamped at zero. */
  public static Dist normal(Duration mean, Duration stddev) {
    return new Dist.Normal(mean, stddev);
  }

  /** Lognormal given its median and its 99th percentile. */
  public static Dist lognormal(Duration median, Duration p99) {
    return new Dist.LogNormal(median, p99);
  }

  /** Pareto (heavy tail) with minimum {@code scale} and tail index {@code shape}. */
  public static Dist pareto(Duration scale, double shape) {
    return new Dist.Pareto(scale, shape);
  }

  // ---- clients

  /** Clients with nothing set (for a variant that changes a few keys). */
  public static ClientsBuilder clients() {
    return new ClientsBuilder();
  }

  /** Open-loop clients sending {@code perSecond} requests per second. */
  public static ClientsBuilder openLoop(double perSecond) {
    return clients().rate(perSecond);
  }

  /** Open-loop clients following a rate schedule; the first step is at 0s. */
  public static ClientsBuilder openLoop(RateStep first, RateStep... more) {
    return clients().rate(first, more);
  }

  /** A step of a rate schedule: from {@code at} on, {@code perSecond} requests per second. */
  public static RateStep step(Duration at, double perSecond) {
    return new RateStep(at, perSecond, false);
  }

  /** A step reached linearly from the previous step's rate by {@code at}. */
  public static RateStep rampTo(Duration at, double perSecond) {
    return new RateStep(at, perSecond, true);
  }

  /** Closed-loop clients: {@code users} users, each waiting for its reply. */
  public static ClientsBuilder closedLoop(int users) {
    return clients().users(users);
  }

  /** Every key equally likely. */
  public static KeyDist uniformKeys() {
    return KeyDist.UNIFORM;
  }

  /** Zipf-distributed keys with this exponent (0.99 is the usual one). */
  public static KeyDist zipf(double exponent) {
    return new KeyDist(exponent);
  }

  // ---- load balancer and network

  /** The load balancer, nothing set (round-robin, no health checks, one node). */
  public static LoadBalancerBuilder loadBalancer() {
    return new LoadBalancerBuilder();
  }

  /** The network, nothing set (zero latency, no loss, unlimited bandwidth). */
  public static NetworkBuilder network() {
    return new NetworkBuilder();
  }

  /** A link between {@code a} and {@code b} (nodes or tiers), both directions. */
  public static LinkBuilder linkBetween(String a, String b) {
    return LinkBuilder.between(List.of(a), List.of(b));
  }

  /** A link between two groups of nodes or tiers, both directions. */
  public static LinkBuilder linkBetween(List<String> a, List<String> b) {
    return LinkBuilder.between(a, b);
  }

  /** A link from {@code from} to {@code to} (nodes or tiers), one way. */
  public static LinkBuilder linkFrom(String from, String to) {
    return LinkBuilder.oneWay(List.of(from), List.of(to));
  }

  /** A link from one group of nodes or tiers to another, one way. */
  public static LinkBuilder linkFrom(List<String> from, List<String> to) {
    return LinkBuilder.oneWay(from, to);
  }

  // ---- tiers

  /** A stateless tier: CPU work only, maybe calling another tier. */
  public static TierBuilder.Stateless stateless() {
    return new TierBuilder.Stateless();
  }

  /** A static-content tier ({@code "kind": "static"}): work, then a file read from disk. */
  public static TierBuilder.StaticFiles staticFiles() {
    return new TierBuilder.StaticFiles();
  }

  /** A replicated, sharded key-value store. */
  public static TierBuilder.Kv kv() {
    return new TierBuilder.Kv();
  }

  /** A tier of the user's own process class on every node. */
  public static TierBuilder.OwnProcess process(Class<? extends dev.dsim.world.Process> type) {
    return new TierBuilder.OwnProcess(type.getName());
  }

  /**
   * A tier of a process class named by its binary name: the escape hatch for a class that is
   * not on the compile-time classpath (found when the scenario runs, as by
   * {@code dsim run --classpath}). Prefer {@link #process(Class)}.
   */
  public static TierBuilder.OwnProcess process(String className) {
    return new TierBuilder.OwnProcess(className);
  }

  /** A node's disk, nothing set (100us reads, 200us writes, 1ms fsyncs, no checksums). */
  public static DiskBuilder disk() {
    return new DiskBuilder();
  }

  // ---- faults

  /** A scheduled fault at {@code time}: {@code at(seconds(30)).crash("web-2")}. */
  public static FaultBuilder.At at(Duration time) {
    return new FaultBuilder.At(time);
  }

  /** The target "one node of {@code tier}, drawn when the fault strikes". */
  public static String randomNodeOf(String tier) {
    return "random:" + tier;
  }

  /** Random crashes with the given mean time to failure and to repair. */
  public static NemesisBuilder.Crashes randomCrashes(Duration mttf, Duration mttr) {
    return new NemesisBuilder.Crashes(mttf, mttr);
  }

  /** A nemesis striking on average every {@code mtbf}: {@code every(hours(2)).slow(...)}. */
  public static NemesisBuilder.Strikes every(Duration mtbf) {
    return new NemesisBuilder.Strikes("mtbf", mtbf.text());
  }

  /** A nemesis striking {@code count} times per {@code per} on average ({@code "2/10m"}). */
  public static NemesisBuilder.Strikes atRate(double count, Duration per) {
    return new NemesisBuilder.Strikes("rate", BuilderJson.plain(count) + "/" + per.text());
  }

  // ---- expectations

  /** {@code >= threshold}. */
  public static Condition atLeast(double threshold) {
    return new Condition(Comparison.AT_LEAST, threshold);
  }

  /** {@code > threshold}. */
  public static Condition moreThan(double threshold) {
    return new Condition(Comparison.MORE_THAN, threshold);
  }

  /** {@code <= threshold}. */
  public static Condition atMost(double threshold) {
    return new Condition(Comparison.AT_MOST, threshold);
  }

  /** {@code < threshold}. */
  public static Condition lessThan(double threshold) {
    return new Condition(Comparison.LESS_THAN, threshold);
  }

  /** {@code == value}. */
  public static Condition equalTo(double value) {
    return new Condition(Comparison.EQUAL, value);
  }

  /** {@code != value}. */
  public static Condition notEqualTo(double value) {
    return new Condition(Comparison.NOT_EQUAL, value);
  }

  // ---- variants

  /** An empty merge patch, for {@link ScenarioBuilder#variant}. */
  public static ScenarioPatch patch() {
    return new ScenarioPatch();
  }
}
