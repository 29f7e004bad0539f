package dev.dsim.scenario;

import java.util.Objects;

/**
 * One kind of random fault under {@code faults.random}, typed: the crash nemesis
 * ({@link Build#randomCrashes randomCrashes(mttf, mttr)}), or another kind struck at random
 * times, {@link Build#every every(mtbf)} or {@link Build#atRate atRate(count, per)} then the
 * kind: {@code every(hours(2)).partition(minutes(1))}. Each kind is at most once in a scenario
 * (adding it again replaces its settings key by key). Targets default to every tier.
 *
 * @param <N> the kind's builder, returned by the setters for chaining
 */
public abstract sealed class NemesisBuilder<N extends NemesisBuilder<N>> extends JsonSection<N>
    permits NemesisBuilder.Crashes, NemesisBuilder.Partitions, NemesisBuilder.Isolations,
    NemesisBuilder.SlowSpells, NemesisBuilder.Degradations, NemesisBuilder.Corruptions,
    NemesisBuilder.ClockJumps, NemesisBuilder.ClockDrifts {

  private final String kind;

  NemesisBuilder(String kind) {
    this.kind = kind;
  }

  /** The key under {@code faults.random}. */
  final String kind() {
    return kind;
  }

  /** The nodes or tiers it strikes (default every tier). */
  public N targets(String target, String... more) {
    return put("targets", BuilderJson.names(target, more));
  }

  /**
   * How often a nemesis strikes: {@code "mtbf"} (mean time between faults) or {@code "rate"}
   * ({@code "count/per"}, as {@code "2/10m"}); the kind methods give what it strikes.
   */
  public static final class Strikes {
    private final String key;
    private final String value;

    Strikes(String key, String value) {
      this.key = Objects.requireNonNull(key, "key");
      this.value = Objects.requireNonNull(value, "value");
    }

    private <N extends NemesisBuilder<N>> N timed(N n) {
      return n.put(key, value);
    }

    /** Random splits of the targets into two groups, each lasting {@code length}. */
    public Partitions partition(Duration length) {
      return timed(new Partitions()).put("for", length);
    }

    /** Random isolation of one target, lasting {@code length}. */
    public Isolations isolate(Duration length) {
      return timed(new Isolations()).put("for", length);
    }

    /** Random slow spells of one target, {@code factor} times slower for {@code length}. */
    public SlowSpells slow(Duration length, double factor) {
      return timed(new SlowSpells()).put("for", length).put("factor", factor);
    }

    /** Random degraded links of one target, lasting {@code length}. */
    public Degradations degrade(Duration length) {
      return timed(new Degradations()).put("for", length);
    }

    /** Random disk corruption of one target (one block, unless blocks or sectors). */
    public Corruptions corrupt() {
      return timed(new Corruptions());
    }

    /** Random clock jumps of one target by {@code by}. */
    public ClockJumps clockJump(Duration by) {
      return timed(new ClockJumps()).put("by", by);
    }

    /** Random clock drift of one target, {@code ppm} for {@code length}. */
    public ClockDrifts clockDrift(Duration length, double ppm) {
      return timed(new ClockDrifts()).put("for", length).put("ppm", ppm);
    }
  }

  /** Random crashes: each target fails after Exp(mttf) up and is back after Exp(mttr). */
  public static final class Crashes extends NemesisBuilder<Crashes> {
    Crashes(Duration mttf, Duration mttr) {
      super("crash");
      put("mttf", mttf).put("mttr", mttr);
    }

    /** Never more than this many down at once (default 1). */
    public Crashes maxDown(int maxDown) {
      return put("maxDown", maxDown);
    }
  }

  /** Random partitions. */
  public static final class Partitions extends NemesisBuilder<Partitions> {
    Partitions() {
      super("partition");
    }
  }

  /** Random isolations. */
  public static final class Isolations extends NemesisBuilder<Isolations> {
    Isolations() {
      super("isolate");
    }
  }

  /** Random slow spells. */
  public static final class SlowSpells extends NemesisBuilder<SlowSpells> {
    SlowSpells() {
      super("slow");
    }

    /** What is slowed (default both). */
    public SlowSpells resource(SlowResource resource) {
      return put("resource", resource.jsonName());
    }
  }

  /** Random degraded links. */
  public static final class Degradations extends NemesisBuilder<Degradations> {
    Degradations() {
      super("degrade");
    }

    /** Extra latency on each message. */
    public Degradations latency(Duration extra) {
      return put("latency", extra);
    }

    /** Extra loss on each message. */
    public Degradations loss(double probability) {
      return put("loss", probability);
    }
  }

  /** Random disk corruption. */
  public static final class Corruptions extends NemesisBuilder<Corruptions> {
    Corruptions() {
      super("corrupt");
    }

    /** Flip a bit in this many stored blocks per strike. */
    public Corruptions blocks(int blocks) {
      return put("blocks", blocks);
    }

    /** Make this many stored blocks unreadable per strike. */
    public Corruptions sectors(int sectors) {
      return put("sectors", sectors);
    }
  }

  /** Random clock jumps. */
  public static final class ClockJumps extends NemesisBuilder<ClockJumps> {
    ClockJumps() {
      super("clockJump");
    }
  }

  /** Random clock drift. */
  public static final class ClockDrifts extends NemesisBuilder<ClockDrifts> {
    ClockDrifts() {
      super("clockDrift");
    }
  }
}
