package dev.dsim.world;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A node's disk: blocks of bytes addressed by key, served one operation at a time in FIFO order
 * (a busy disk makes requests wait), with separate latency distributions for reads, writes and
 * fsync.
 *
 * <p>Durability follows real disks: a completed write is visible to later reads but sits in a
 * volatile cache until an {@link #fsync} completes; a crash loses every write not yet fsynced
 * (with {@link DiskConfig#tornWrites()}, the last one is left half-written instead), and a crash
 * with wipe loses the whole disk. Operations queued or in service when the node crashes are
 * dropped, their continuations never run.
 *
 * <p>Faults: {@link #corruptBlocks} flips a bit in stored blocks (silent corruption);
 * {@link #failSectors} makes blocks unreadable (latent sector errors) until they are written
 * again. Each block stores a CRC32C of what was written; with {@link DiskConfig#checksums()} a
 * read verifies it and reports {@link DiskStatus#CORRUPT}, without it the corrupt bytes are
 * returned as if fine. The disk counts both, so a report can say how much corruption reached a
 * process unnoticed.
 *
 * <p>The checksum is computed only when it can differ from the bytes: a block written and left
 * alone is known intact (its CRC32C would match by construction), and only a fault that alters
 * the bytes (a bit flip, a torn write) first records the checksum of what was there. Reads of
 * intact blocks, the common case, so skip hashing the block, with the same outcome.
 *
 * <p>Latencies draw from the streams {@code node/<name>/disk/read|write|fsync}. Blocks are found
 * by key in a hash map (a sorted map cost a dozen string comparisons per operation, the largest
 * single cost of a key-value run) and sorted by key whenever they are listed or drawn from, so
 * nothing ever depends on hash order.
 */
public final class Disk {
  static final EventKind READ = EventKind.of("disk-read");
  static final EventKind WRITE = EventKind.of("disk-write");
  static final EventKind FSYNC = EventKind.of("disk-fsync");

  private final Simulation sim;
  private final int nodeId;
  private final DiskConfig config;
  private final ContinuousSampler readLatency;
  private final ContinuousSampler writeLatency;
  private final ContinuousSampler fsyncLatency;
  /** Looked up by key only; listed and drawn from sorted by key. */
  private final HashMap<String, Block> blocks = new HashMap<>();
  /**
   * Blocks written since the last fsync, in the order their latest write completed: a list
   * threaded through the blocks themselves, so a rewrite moves its block to the end in O(1).
   * (An array list's remove was O(dirty blocks) per rewrite: with fsync "never" or a long
   * period, every write of a store holding n keys cost O(n).)
   */
  private final DirtyList dirty = new DirtyList();
  private final ArrayDeque<Op> queue = new ArrayDeque<>();
  private Op inService;
  private int generation;
  private double slowdown = 1.0;
  private long usedBytes;
  private long reads;
  private long writes;
  private long fsyncs;
  private long corruptDetected;
  private long corruptReturned;
  private long ioErrors;
  private long fullErrors;
  private long writesLostOnCrash;
  private long tornWrites;

  Disk(Simulation sim, int nodeId, DiskConfig config, Rng rng) {
    this.sim = sim;
    this.nodeId = nodeId;
    this.config = Objects.requireNonNull(config, "config");
    this.readLatency = config.readNanos().sampler(rng.fork("read"));
    this.writeLatency = config.writeNanos().sampler(rng.fork("write"));
    this.fsyncLatency = config.fsyncNanos().sampler(rng.fork("fsync"));
  }

  public DiskConfig config() {
    return config;
  }

  /** Reads the block {@code key}; {@code then} gets the result unless the node crashes first. */
  public void read(String key, Consumer<DiskRead> then) {
    Objects.requireNonNull(key, "key");
    submit(new Op(this, READ, key, null, then, null, null));
  }

  /**
   * As {@link #read}, without the copy: the result's bytes are the block itself, lent to
   * {@code then} for the length of the call. {@code then} must neither modify them nor keep
   * them (a later fault alters the block in place). For a store that decodes its block at once:
   * a 1 KiB copy per read was most of what a replicated kv tier allocated.
   */
  public void readBorrowed(String key, Consumer<DiskRead> then) {
    Objects.requireNonNull(key, "key");
    Op op = new Op(this, READ, key, null, then, null, null);
    op.borrowed = true;
    submit(op);
  }

  /**
   * Writes {@code value} (copied now) as block {@code key}, replacing what was there. Durable
   * only after a later {@link #fsync} completes. {@code then} gets {@link DiskStatus#OK} or
   * {@link DiskStatus#FULL}.
   */
  public void write(String key, byte[] value, Consumer<DiskStatus> then) {
    Objects.requireNonNull(key, "key");
    submit(new Op(this, WRITE, key, value.clone(), null, then, null));
  }

  /**
   * As {@link #write}, without the copy: the disk takes {@code value} over, and the caller must
   * not modify it afterwards (a freshly encoded block it never touches again).
   */
  public void writeHandedOver(String key, byte[] value, Consumer<DiskStatus> then) {
    Objects.requireNonNull(key, "key");
    submit(new Op(this, WRITE, key, Objects.requireNonNull(value, "value"), null, then, null));
  }

  /** Makes every write completed before it durable; then runs {@code then}. */
  public void fsync(Runnable then) {
    submit(new Op(this, FSYNC, null, null, null, null, then));
  }

  /**
   * Writes {@code value} as block {@code key} and makes it durable: a write, then an fsync, then
   * {@code then} with {@link DiskStatus#OK}, so that whatever {@code then} does (acknowledge,
   * vote, send a decision) happens only once the block survives a crash. A write refused
   * ({@link DiskStatus#FULL}) is not fsynced and {@code then} gets its status. Nothing runs if
   * the node crashes first.
   */
  public void writeDurably(String key, byte[] value, Consumer<DiskStatus> then) {
    Objects.requireNonNull(then, "then");
    write(key, value, status -> {
      if (status == DiskStatus.OK) {
        fsync(() -> then.accept(DiskStatus.OK));
      } else {
        then.accept(status);
      }
    });
  }

  /** Keys of the blocks on the disk now, sorted (a directory listing; takes no time). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(blocks.keySet());
    keys.sort(null);
    return keys;
  }

  private void submit(Op op) {
    op.generation = generation;
    if (inService == null) {
      serve(op);
    } else {
      queue.addLast(op);
    }
  }

  private void serve(Op op) {
    inService = op;
    ContinuousSampler latency = op.kind == READ ? readLatency
        : op.kind == WRITE ? writeLatency : fsyncLatency;
    long nanos = Math.max(0, Math.round(latency.sample() * slowdown));
    sim.after(nanos, op);
  }

  private void complete(Op op) {
    // Start the next queued operation before running the continuation, so that whatever the
    // continuation submits queues behind it (FIFO); if the continuation crashes the node, the
    // started operation is dropped with the rest.
    inService = null;
    Op next = queue.pollFirst();
    if (next != null) {
      serve(next);
    }
    if (op.kind == READ) {
      DiskRead result = readNow(op.key, op.borrowed);
      if (op.onRead != null) {
        op.onRead.accept(result);
      }
    } else if (op.kind == WRITE) {
      DiskStatus status = writeNow(op.key, op.value);
      if (op.onWrite != null) {
        op.onWrite.accept(status);
      }
    } else {
      fsyncNow();
      if (op.onFsync != null) {
        op.onFsync.run();
      }
    }
  }

  private DiskRead readNow(String key, boolean borrowed) {
    reads++;
    Block b = blocks.get(key);
    if (b == null) {
      return new DiskRead(DiskStatus.NOT_FOUND, null);
    }
    if (b.sectorError) {
      ioErrors++;
      return new DiskRead(DiskStatus.IO_ERROR, null);
    }
    if (!b.intact && crc(b.data) != b.checksum) {
      if (config.checksums()) {
        corruptDetected++;
        return new DiskRead(DiskStatus.CORRUPT, null);
      }
      corruptReturned++;
    }
    return new DiskRead(DiskStatus.OK, borrowed ? b.data : b.data.clone());
  }

  private DiskStatus writeNow(String key, byte[] value) {
    Block b = blocks.get(key);
    long old = b == null ? 0 : b.data.length;
    if (usedBytes - old + value.length > config.capacityBytes()) {
      fullErrors++;
      return DiskStatus.FULL;
    }
    writes++;
    if (b == null) {
      b = new Block(key);
      blocks.put(key, b);
    }
    usedBytes += value.length - old;
    b.data = value;
    b.intact = true; // its checksum is that of these bytes: computed only if a fault needs it
    b.sectorError = false; // rewriting a bad sector remaps it, as drives do
    dirty.moveToEnd(b);
    return DiskStatus.OK;
  }

  private void fsyncNow() {
    fsyncs++;
    for (Block b = dirty.first; b != null; b = b.nextDirty) {
      b.durable = b.data;
      b.durableIntact = b.intact;
      b.durableChecksum = b.checksum;
    }
    dirty.clear();
  }

  /**
   * The node crashed: queued and in-service operations are dropped; writes not yet fsynced are
   * lost (the last one torn, if configured); with {@code wipe}, every block is lost.
   */
  void crash(boolean wipe) {
    generation++;
    queue.clear();
    inService = null;
    if (wipe) {
      writesLostOnCrash += dirty.size();
      dirty.clear();
      blocks.clear();
      usedBytes = 0;
      return;
    }
    for (Block b = dirty.first; b != null; b = b.nextDirty) {
      boolean last = b == dirty.last;
      if (config.tornWrites() && last) {
        tear(b);
        continue;
      }
      writesLostOnCrash++;
      usedBytes -= b.data.length;
      if (b.durable == null) {
        blocks.remove(b.key);
      } else {
        b.data = b.durable;
        b.intact = b.durableIntact;
        b.checksum = b.durableChecksum;
        usedBytes += b.data.length;
      }
    }
    dirty.clear();
  }

  /** The first half of the new bytes reached the platter, the rest is what was there before. */
  private void tear(Block b) {
    tornWrites++;
    long meant = b.checksum();
    byte[] torn = b.data.clone();
    int half = torn.length / 2;
    for (int j = half; j < torn.length; j++) {
      torn[j] = b.durable != null && j < b.durable.length ? b.durable[j] : 0;
    }
    b.data = torn;
    b.durable = torn;
    // The checksum stays that of what was meant to be written.
    b.checksum = meant;
    b.intact = false;
    b.durableChecksum = meant;
    b.durableIntact = false;
  }

  /**
   * Silent corruption: flips one random bit in each of {@code count} distinct non-empty blocks
   * (fewer if the disk holds fewer), drawn from {@code rng}. Returns the keys hit, sorted.
   */
  public List<String> corruptBlocks(int count, Rng rng) {
    List<Block> hit = pick(count, rng);
    List<String> keys = new ArrayList<>();
    for (Block b : hit) {
      int bit = rng.nextInt(b.data.length * 8);
      b.recordChecksums();
      b.data[bit >>> 3] ^= (byte) (1 << (bit & 7));
      keys.add(b.key);
    }
    keys.sort(null);
    return keys;
  }

  /**
   * Latent sector errors: {@code count} distinct non-empty blocks become unreadable
   * ({@link DiskStatus#IO_ERROR}) until written again. Returns the keys hit, sorted.
   */
  public List<String> failSectors(int count, Rng rng) {
    List<String> keys = new ArrayList<>();
    for (Block b : pick(count, rng)) {
      b.sectorError = true;
      keys.add(b.key);
    }
    keys.sort(null);
    return keys;
  }

  /** Distinct blocks drawn uniformly by a partial Fisher-Yates over the sorted keys. */
  private List<Block> pick(int count, Rng rng) {
    if (count < 0) {
      throw new IllegalArgumentException("negative block count " + count);
    }
    List<Block> candidates = new ArrayList<>();
    for (Block b : blocks.values()) {
      if (b.data.length > 0) {
        candidates.add(b);
      }
    }
    candidates.sort(BY_KEY);
    int n = Math.min(count, candidates.size());
    for (int i = 0; i < n; i++) {
      int j = i + rng.nextInt(candidates.size() - i);
      Block tmp = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, tmp);
    }
    return candidates.subList(0, n);
  }

  /** Slows every operation that starts from now on by {@code factor} (a gray failure). */
  public void setSlowdown(double factor) {
    this.slowdown = Cpu.requireSlowdown(factor);
  }

  public double slowdown() {
    return slowdown;
  }

  /** Bytes stored now. */
  public long usedBytes() {
    return usedBytes;
  }

  /** Operations waiting behind the one in service. */
  public int queueLength() {
    return queue.size();
  }

  public long reads() {
    return reads;
  }

  /** Writes that completed (not counting those that failed because the disk was full). */
  public long writes() {
    return writes;
  }

  public long fsyncs() {
    return fsyncs;
  }

  /** Reads that found a corrupt block and reported it, thanks to checksums. */
  public long corruptReadsDetected() {
    return corruptDetected;
  }

  /** Reads that returned corrupt bytes as if fine, for want of checksums. */
  public long corruptReadsReturned() {
    return corruptReturned;
  }

  /** Reads that failed on a latent sector error. */
  public long ioErrors() {
    return ioErrors;
  }

  /** Writes refused because the disk was full. */
  public long fullErrors() {
    return fullErrors;
  }

  /** Completed writes lost because the node crashed before they were fsynced (or wiped). */
  public long writesLostOnCrash() {
    return writesLostOnCrash;
  }

  /** Writes left half-written by a crash. */
  public long tornWrites() {
    return tornWrites;
  }

  private static long crc(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data, 0, data.length);
    return c.getValue();
  }

  private static final Comparator<Block> BY_KEY = Comparator.comparing(b -> b.key);

  /** The dirty blocks in the order their latest write completed, linked through the blocks. */
  private static final class DirtyList {
    Block first;
    Block last;
    int size;

    int size() {
      return size;
    }

    /** Appends {@code b}, or moves it to the end if it is in the list already. */
    void moveToEnd(Block b) {
      if (b.dirty) {
        if (b == last) {
          return;
        }
        unlink(b);
      }
      b.dirty = true;
      b.prevDirty = last;
      b.nextDirty = null;
      if (last == null) {
        first = b;
      } else {
        last.nextDirty = b;
      }
      last = b;
      size++;
    }

    private void unlink(Block b) {
      if (b.prevDirty == null) {
        first = b.nextDirty;
      } else {
        b.prevDirty.nextDirty = b.nextDirty;
      }
      if (b.nextDirty == null) {
        last = b.prevDirty;
      } else {
        b.nextDirty.prevDirty = b.prevDirty;
      }
      b.prevDirty = null;
      b.nextDirty = null;
      b.dirty = false;
      size--;
    }

    /**
     * Empties the list, marking every block clean. Callers walk it first: the links of a block
     * are cut here, after the walk, so a walk never loses its place.
     */
    void clear() {
      Block b = first;
      while (b != null) {
        Block next = b.nextDirty;
        b.prevDirty = null;
        b.nextDirty = null;
        b.dirty = false;
        b = next;
      }
      first = null;
      last = null;
      size = 0;
    }
  }

  private static final class Block {
    final String key;
    byte[] data;
    /** The CRC32C written with the data; when {@link #intact}, not recorded (it would match). */
    long checksum;
    /** True while {@link #data} is exactly what was written, so its checksum matches. */
    boolean intact;
    /** What survives a crash: the bytes as of the last fsync, or null if never synced. */
    byte[] durable;
    long durableChecksum;
    boolean durableIntact;
    /** In the dirty list: written since the last fsync. */
    boolean dirty;
    Block prevDirty;
    Block nextDirty;
    boolean sectorError;

    Block(String key) {
      this.key = key;
    }

    /** The checksum written with the data, computing it if it was not recorded. */
    long checksum() {
      return intact ? crc(data) : checksum;
    }

    /**
     * Before the bytes are altered in place: records the checksums of what was written, for the
     * data and, when it is the same array, for the durable copy.
     */
    void recordChecksums() {
      if (durable == data && durableIntact) {
        durableChecksum = crc(durable);
        durableIntact = false;
      }
      if (intact) {
        checksum = crc(data);
        intact = false;
      }
    }
  }

  private static final class Op extends Event {
    private final Disk disk;
    private final EventKind kind;
    private final String key;
    private final byte[] value;
    private final Consumer<DiskRead> onRead;
    private final Consumer<DiskStatus> onWrite;
    private final Runnable onFsync;
    /** A read whose result lends the block's own bytes ({@link #readBorrowed}). */
    private boolean borrowed;
    private int generation;

    Op(Disk disk, EventKind kind, String key, byte[] value, Consumer<DiskRead> onRead,
        Consumer<DiskStatus> onWrite, Runnable onFsync) {
      this.disk = disk;
      this.kind = kind;
      this.key = key;
      this.value = value;
      this.onRead = onRead;
      this.onWrite = onWrite;
      this.onFsync = onFsync;
    }

    @Override
    public EventKind kind() {
      return kind;
    }

    @Override
    public int node() {
      return disk.nodeId;
    }

    @Override
    public long traceDetail() {
      return key == null ? 0 : key.hashCode() * 31L + (value == null ? 0 : value.length);
    }

    @Override
    public String describe() {
      return key == null ? "fsync" : key + (value == null ? "" : " (" + value.length + " B)");
    }

    @Override
    public void traceFields(dev.dsim.engine.TraceFields out) {
      out.field("block", key);
      if (value != null) {
        out.field("bytes", value.length);
      }
    }

    @Override
    protected void fire() {
      if (generation == disk.generation) {
        disk.complete(this);
      }
    }
  }

}
