package dev.dsim.scenario;

import dev.dsim.engine.Distribution;
import java.util.Objects;

/**
 * A tier: {@code nodes} identical nodes named {@code <name>-1 … <name>-n}, all of one
 * {@link Hardware}, running one kind of server. Each kind is a record of its own with only the
 * settings that kind has: a stateless server and the tier it may call, static content servers,
 * a key-value store, or the user's own process class.
 */
public sealed interface Tier {
  /** Files each static node serves, and their size, when the scenario does not say. */
  int DEFAULT_FILES = 1000;
  int DEFAULT_FILE_BYTES = 4096;

  /** The tier's name, the prefix of its nodes' names. */
  String name();

  /** How many nodes. */
  int nodes();

  /** Each node's hardware and clock. */
  Hardware hardware();

  /** The kind, as the scenario's {@code "kind"} writes it. */
  TierKind kind();

  /**
   * Stateless servers: each request costs {@code workNanos} of CPU (at speed 1) and, if the tier
   * {@code calls} another, one call to it (null: none).
   */
  record Stateless(String name, int nodes, Hardware hardware, Distribution workNanos,
      TierCall calls) implements Tier {
    public Stateless {
      check(name, nodes, hardware);
      Objects.requireNonNull(workNanos, "workNanos");
    }

    @Override
    public TierKind kind() {
      return TierKind.STATELESS;
    }
  }

  /** Static content servers: {@code files} files of {@code fileBytes} each, read from disk. */
  record Static(String name, int nodes, Hardware hardware, Distribution workNanos, int files,
      int fileBytes) implements Tier {
    public Static {
      check(name, nodes, hardware);
      Objects.requireNonNull(workNanos, "workNanos");
    }

    @Override
    public TierKind kind() {
      return TierKind.STATIC;
    }
  }

  /** A sharded, replicated key-value store ({@link KvSpec}); each replica operation costs work. */
  record Kv(String name, int nodes, Hardware hardware, Distribution workNanos, KvSpec store)
      implements Tier {
    public Kv {
      check(name, nodes, hardware);
      Objects.requireNonNull(workNanos, "workNanos");
      Objects.requireNonNull(store, "store");
    }

    @Override
    public TierKind kind() {
      return TierKind.KV;
    }
  }

  /** The user's own {@link dev.dsim.world.Process} on every node (it does its own work). */
  record UserProcess(String name, int nodes, Hardware hardware, ProcessSpec process)
      implements Tier {
    public UserProcess {
      check(name, nodes, hardware);
      Objects.requireNonNull(process, "process");
    }

    @Override
    public TierKind kind() {
      return TierKind.PROCESS;
    }
  }

  private static void check(String name, int nodes, Hardware hardware) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hardware, "hardware");
    if (nodes < 1) {
      throw new IllegalArgumentException("a tier needs at least one node: " + nodes);
    }
  }
}
