package dev.dsim.service.kv;

/**
 * What a key-value tier did, per node, over the whole run; kept outside the processes so that it
 * survives their crashes. Read by the run's summary.
 */
public final class KvStats {
  /** The counters, each kept per node of the tier. */
  public enum Counter {
    /** Client requests the node coordinated. */
    COORDINATED("coordinated"),
    /** Replica reads the node served (its share of the load: zipf skew shows here). */
    REPLICA_READS("replicaReads"),
    /** Replica writes the node received. */
    REPLICA_WRITES("replicaWrites"),
    /** Requests the node, as coordinator, failed because no quorum could be reached. */
    UNAVAILABLE("unavailable"),
    /** Stale replicas the node, as coordinator, brought up to date after a read. */
    READ_REPAIRS("readRepairs"),
    /** Damaged blocks (caught by a checksum) the node, as coordinator, rewrote from a peer. */
    CORRUPTION_REPAIRS("corruptionRepairs"),
    /** Keys the node received by anti-entropy, catching up after a crash or a partition. */
    SYNCED_KEYS("syncedKeys"),
    /** Tier messages the node dropped because their checksum did not match. */
    CORRUPT_MESSAGES_DISCARDED("corruptMessagesDiscarded"),
    /**
     * Reads the node, as coordinator, held back to write the value read to a write quorum first
     * ({@code readWriteBack}): the price of linearizable reads.
     */
    READ_WRITE_BACKS("readWriteBacks");

    private final String jsonName;

    Counter(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name in results.json. */
    public String jsonName() {
      return jsonName;
    }
  }

  private static final Counter[] COUNTERS = Counter.values();
  private final long[][] counts;

  public KvStats(int nodes) {
    counts = new long[COUNTERS.length][nodes];
  }

  void add(Counter c, int node, long n) {
    counts[c.ordinal()][node] += n;
  }

  void count(Counter c, int node) {
    counts[c.ordinal()][node]++;
  }

  /** Counter {@code c} of node {@code node} (its index in the tier). */
  public long get(Counter c, int node) {
    return counts[c.ordinal()][node];
  }

  /** Counter {@code c} summed over the tier. */
  public long total(Counter c) {
    long t = 0;
    for (long v : counts[c.ordinal()]) {
      t += v;
    }
    return t;
  }

  /** Nodes in the tier. */
  public int nodes() {
    return counts[0].length;
  }
}
