package dev.dsim.scenario;

/**
 * The most of everything a scenario file controls, each with the reason for its value. The
 * binder checks each count before it allocates anything in proportion to it, and once a count is
 * flagged it goes on with a small fallback, so a hostile number costs an error message, not the
 * heap. The published schema ({@code scenarios/scenario.schema.json}) states the same maxima:
 * the document records of {@code dev.dsim.scenario.format} name these constants in their
 * annotations (which is why they are public), so the generated schema cannot drift from them
 * ({@code ScenarioSchemaTest} checks it too); {@code scenarios/README.md} lists them.
 *
 * <p>The sizing targets are DESIGN.md's: 100,000 stateless nodes and 10,000 kv nodes within
 * 4 GiB. What these limits do not bound (events, simulated time, heap as a whole) the run's size
 * estimate does: a run estimated beyond {@code --max-events} or the heap is refused up front.
 */
public final class Limits {
  private Limits() {}

  // ---- the file and its JSON

  /**
   * 4 MiB: the largest shipped scenario is under 10 KiB, and a file at every count limit below
   * (10,000 faults of ~80 bytes, 2,000 variants, 1,000 rate steps) stays under 2 MiB. The size is
   * checked before the file is read.
   */
  public static final long FILE_BYTES = 4L << 20;
  /**
   * 1,000,000 JSON tokens: every value gets a recorded position (~200 bytes with its path), so
   * this caps the position tables near 200 MB; the counts below need at most ~200,000.
   */
  public static final long TOKENS = 1_000_000;
  /**
   * 64 levels: the format itself needs 7 (faults.schedule[i].partition[j][k]); the rest is room
   * for process settings. Binding walks the tree recursively, so this also bounds the stack.
   */
  public static final int NESTING_DEPTH = 64;
  /** 65,536 characters per string: a description is prose, everything else is a word. */
  public static final int STRING_CHARS = 65_536;
  /** 1,024 characters per key: keys are names of settings, tiers and variants. */
  public static final int KEY_CHARS = 1_024;
  /**
   * 100 characters per number: a long has 19 digits and a double 17 significant ones; anything
   * longer is a typo or an attack (BigDecimal arithmetic on it grows with its length).
   */
  public static final int NUMBER_CHARS = 100;
  /**
   * 64 characters for the scenario's, a tier's and a variant's name: they become directory names
   * ({@code reports/<name>/<variant>}) and node names, and file systems stop at 255 bytes.
   */
  public static final int NAME_CHARS = 64;

  // ---- time

  /**
   * 10,000 days (27 years) for the duration, and for a clock's offset or jump either way: time is
   * a long of nanoseconds (292 years), and a clock can run at up to twice the speed, so every
   * time a run computes stays far from overflowing. Long runs are refused by their estimated
   * events well before this.
   */
  public static final long TIME_NANOS = 10_000L * 86_400 * 1_000_000_000L;
  /** 1,000,000 ppm of drift either way: a clock at twice the speed; real ones drift by 100s. */
  public static final double DRIFT_PPM = 1_000_000;

  // ---- the system

  /** 100 tiers: a system-design scenario has a handful; tier calls are checked pairwise. */
  public static final int TIERS = 100;
  /** 100,000 nodes in a stateless, static or process tier: DESIGN.md's stateless target. */
  public static final int NODES_PER_TIER = 100_000;
  /**
   * 10,000 nodes in a kv tier: DESIGN.md's kv target. A kv node keeps the keys it replicates,
   * and a failure detector's view of every peer (heartbeats also send to every peer each
   * interval; SWIM to one), so it costs more than a stateless one.
   */
  public static final int KV_NODES_PER_TIER = 10_000;
  /**
   * 200,000 nodes in all: two tiers at the stateless target (each node is ~16 KiB of world
   * state, so ~3 GiB); nodes are numbered and named before anything runs.
   */
  public static final int NODES_TOTAL = 200_000;
  /** 1,000 load balancers: each pings every entry node when health checks are on. */
  public static final int LOAD_BALANCERS = 1_000;
  /** 4,096 cores per node: beyond the largest machines sold; the CPU keeps per-core state. */
  public static final int CORES = 4_096;
  /**
   * 10,000,000 files per static node, and at most 1 GiB of them: every node writes its files to
   * its (in-memory) disk when it starts, so files x size is heap, per node.
   */
  public static final long FILES = 10_000_000;
  public static final long FILE_CONTENT_BYTES = 1L << 30;

  // ---- the workload

  /**
   * 10,000,000 keys: each replica keeps 40 to 80 bytes per key it holds (keys x replication in
   * a tier); the size estimate refuses a tier whose keys and values do not fit in the heap.
   */
  public static final long KEYS = 10_000_000;
  /** 64 MiB per value: each write stores the value's bytes on each replica's disk. */
  public static final long VALUE_BYTES = 64L << 20;
  /** 1,000,000 closed-loop users: each holds its own operation state. */
  public static final long USERS = 1_000_000;
  /**
   * 1,000 rate steps (a day at one step every ~90 s): the client looks up the current step by
   * walking the list at every arrival, so the cost of each request grows with it.
   */
  public static final int RATE_STEPS = 1_000;

  // ---- the store

  /**
   * 1,000,000 shards: the placement keeps the replicas of every shard, built for every run.
   */
  public static final long SHARDS = 1_000_000;
  /** 100 replicas: real stores use 3 to 5; every operation talks to each replica. */
  public static final long REPLICATION = 100;
  /** 10,000,000 shard replicas (shards x replication): 40 MB or more of placement per run. */
  public static final long SHARD_REPLICAS = 10_000_000;
  /** 4,096 virtual nodes per node. */
  public static final long VNODES = 4_096;
  /**
   * 2,000,000 ring points (nodes x vnodes) per kv tier: 16 MB, sorted at the start of every
   * run; 10,000 nodes at the default 64 vnodes is 640,000.
   */
  public static final long RING_POINTS = 2_000_000;

  // ---- faults, links, expectations, variants, settings

  /**
   * 10,000 scheduled faults: each is an event and a line of results.json; longer schedules are
   * what the random nemesis ("faults.random") is for.
   */
  public static final int FAULTS = 10_000;
  /** 1,000 names in one target list: name the tier to mean all its nodes. */
  public static final int TARGET_NAMES = 1_000;
  /** 100 groups in one partition. */
  public static final int PARTITION_GROUPS = 100;
  /** 1,000 entries in network.links. */
  public static final int LINKS = 1_000;
  /**
   * 100,000 node pairs configured by links in all: each pair gets its own latency sampler and
   * random stream (~300 bytes), so this is ~30 MB: two tiers of 200 nodes linked both ways are
   * 80,000 pairs.
   */
  public static final long LINK_PAIRS = 100_000;
  /** 100 expectations: there are fewer metrics than that, each stated once. */
  public static final int EXPECTATIONS = 100;
  /**
   * 2,000 variants: each is bound on every load and runs with every seed; more than a comparison
   * chart can show, and validating 2,000 stays within seconds.
   */
  public static final int VARIANTS = 2_000;
  /**
   * 10,000 values in a process tier's settings: handed, whole, to the constructor of every node
   * at every start.
   */
  public static final int SETTINGS_VALUES = 10_000;
  /** 100 located errors per file are shown; beyond that a count of the rest. */
  public static final int ERRORS_SHOWN = 100;

  /** A duration within {@link #TIME_NANOS} either way; reports it and answers false if not. */
  static boolean timeWithin(Long nanos, String path, Problems problems) {
    if (nanos == null || Math.abs(nanos) <= TIME_NANOS) {
      return true;
    }
    problems.atValue(path, "at most 10000d (27 years) either way", "simulated time is kept in "
        + "nanoseconds: a run that long would be refused for its size anyway");
    return false;
  }

  /** A drift within {@link #DRIFT_PPM}; reports it and answers false if not. */
  static boolean driftWithin(double ppm, String path, Problems problems) {
    if (ppm <= DRIFT_PPM) {
      return true;
    }
    problems.atValue(path, "at most 1000000 ppm (a clock running at twice the speed), got "
        + ppm, "real clocks drift by tens to hundreds of ppm");
    return false;
  }

  /** "100,000" for messages. */
  static String count(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
