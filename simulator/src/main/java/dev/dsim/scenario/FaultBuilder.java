package dev.dsim.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Objects;

/**
 * One scheduled fault of {@code faults.schedule}, typed by its kind: {@link Build#at at(time)}
 * then the kind with its targets, {@code at(seconds(30)).crash("web-2").restartAfter(seconds(30))},
 * which writes {@code {"at": "30s", "crash": "web-2", "restartAfter": "30s"}}. Targets are node
 * names ({@code "web-2"}), tier names (all their nodes) or {@link Build#randomNodeOf} (one node
 * drawn when the fault strikes); the binder resolves them and reports unknown ones.
 * {@code "for"} is {@code lasting(…)} here (a Java keyword).
 *
 * @param <F> the kind's builder, returned by the setters for chaining
 */
public abstract sealed class FaultBuilder<F extends FaultBuilder<F>> extends JsonSection<F>
    permits FaultBuilder.Crash, FaultBuilder.Partition, FaultBuilder.Isolate, FaultBuilder.Slow,
    FaultBuilder.Degrade, FaultBuilder.Corrupt, FaultBuilder.ClockJump,
    FaultBuilder.ClockDrift {

  FaultBuilder(Duration at, String kind, com.fasterxml.jackson.databind.JsonNode targets) {
    put("at", at);
    put(kind, targets);
  }

  /** When a scheduled fault strikes; its methods name the kind (see {@link Build#at}). */
  public record At(Duration at) {
    public At {
      Objects.requireNonNull(at, "at");
    }

    /** Crash the targets (for ever, unless {@link Crash#restartAfter}). */
    public Crash crash(String target, String... more) {
      return new Crash(at, BuilderJson.names(target, more));
    }

    /** Split the nodes into groups that cannot reach each other. */
    @SafeVarargs
    public final Partition partition(List<String> first, List<String> second,
        List<String>... more) {
      ArrayNode groups = BuilderJson.array().add(BuilderJson.list(first))
          .add(BuilderJson.list(second));
      for (List<String> g : more) {
        groups.add(BuilderJson.list(g));
      }
      return new Partition(at, groups);
    }

    /** Cut the targets off from every other node. */
    public Isolate isolate(String target, String... more) {
      return new Isolate(at, BuilderJson.names(target, more));
    }

    /** Make the targets {@code factor} times slower (CPU and disk, unless {@code resource}). */
    public Slow slow(double factor, String target, String... more) {
      return new Slow(at, BuilderJson.names(target, more)).put("factor", factor);
    }

    /** Extra latency and loss on the targets' links. */
    public Degrade degrade(String target, String... more) {
      return new Degrade(at, BuilderJson.names(target, more));
    }

    /** Damage the targets' stored blocks, sectors or messages. */
    public Corrupt corrupt(String target, String... more) {
      return new Corrupt(at, BuilderJson.names(target, more));
    }

    /** Jump the targets' clocks by {@code by} (negative: backwards). */
    public ClockJump clockJump(Duration by, String target, String... more) {
      return new ClockJump(at, BuilderJson.names(target, more)).put("by", by);
    }

    /** Make the targets' clocks drift by {@code ppm} parts per million (positive: fast). */
    public ClockDrift clockDrift(double ppm, String target, String... more) {
      return new ClockDrift(at, BuilderJson.names(target, more)).put("ppm", ppm);
    }
  }

  /** A crash; the disk survives unless {@link #wipe}. */
  public static final class Crash extends FaultBuilder<Crash> {
    Crash(Duration at, com.fasterxml.jackson.databind.JsonNode targets) {
      super(at, "crash", targets);
    }

    /** Restart after this long (default: never). */
    public Crash restartAfter(Duration after) {
      return put("restartAfter", after);
    }

    /** The disk is lost too: the node restarts empty. */
    public Crash wipe(boolean on) {
      return put("wipe", on);
    }
  }

  /** A partition between groups. */
  public static final class Partition extends FaultBuilder<Partition> {
    Partition(Duration at, com.fasterxml.jackson.databind.JsonNode groups) {
      super(at, "partition", groups);
    }

    /** How long it lasts ({@code "for"}; default: never heals). */
    public Partition lasting(Duration length) {
      return put("for", length);
    }

    /** Cut only the direction from the first group to the others. */
    public Partition oneWay(boolean on) {
      return put("oneWay", on);
    }
  }

  /** An isolation. */
  public static final class Isolate extends FaultBuilder<Isolate> {
    Isolate(Duration at, com.fasterxml.jackson.databind.JsonNode targets) {
      super(at, "isolate", targets);
    }

    /** How long it lasts ({@code "for"}; default: never heals). */
    public Isolate lasting(Duration length) {
      return put("for", length);
    }
  }

  /** A slow spell. */
  public static final class Slow extends FaultBuilder<Slow> {
    Slow(Duration at, com.fasterxml.jackson.databind.JsonNode targets) {
      super(at, "slow", targets);
    }

    /** How long it lasts ({@code "for"}; default: never heals). */
    public Slow lasting(Duration length) {
      return put("for", length);
    }

    /** What is slowed (default both). */
    public Slow resource(SlowResource resource) {
      return put("resource", resource.jsonName());
    }
  }

  /** Degraded links. */
  public static final class Degrade extends FaultBuilder<Degrade> {
    Degrade(Duration at, com.fasterxml.jackson.databind.JsonNode targets) {
      super(at, "degrade", targets);
    }

    /** Extra latency on each message. */
    public Degrade latency(Duration extra) {
      return put("latency", extra);
    }

    /** Extra loss on each message. */
    public Degrade loss(double probability) {
      return put("loss", probability);
    }

    /** How long it lasts ({@code "for"}; default: never heals). */
    public Degrade lasting(Duration length) {
      return put("for", length);
    }
  }

  /** Corruption of stored blocks, sectors or messages (give at least one). */
  public static final class Corrupt extends FaultBuilder<Corrupt> {
    Corrupt(Duration at, com.fasterxml.jackson.databind.JsonNode targets) {
      super(at, "corrupt", targets);
    }

    /** Flip a bit in this many stored blocks. */
    public Corrupt blocks(int blocks) {
      return put("blocks", blocks);
    }

    /** Make this many stored blocks unreadable until rewritten. */
    public Corrupt sectors(int sectors) {
      return put("sectors", sectors);
    }

    /** Damage messages to and from the nodes with this probability. */
    public Corrupt messages(double probability) {
      return put("messages", probability);
    }

    /** How long message damage lasts ({@code "for"}; default: never heals). */
    public Corrupt lasting(Duration length) {
      return put("for", length);
    }
  }

  /** A clock jump (instantaneous: it has no length). */
  public static final class ClockJump extends FaultBuilder<ClockJump> {
    ClockJump(Duration at, com.fasterxml.jackson.databind.JsonNode targets) {
      super(at, "clockJump", targets);
    }
  }

  /** Clock drift. */
  public static final class ClockDrift extends FaultBuilder<ClockDrift> {
    ClockDrift(Duration at, com.fasterxml.jackson.databind.JsonNode targets) {
      super(at, "clockDrift", targets);
    }

    /** How long it lasts ({@code "for"}; default: never heals). */
    public ClockDrift lasting(Duration length) {
      return put("for", length);
    }
  }
}
