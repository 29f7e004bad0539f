package dev.dsim.world;

import java.util.Objects;

/**
 * The calls a process is waiting on: request/reply with a timeout, written once. A process opens
 * a call, sends its request under the call's id, optionally sets a timeout, and closes the call
 * when the reply comes; a reply whose id is not open (late, duplicated, for a call given up on)
 * finds nothing and is ignored.
 *
 * <pre>{@code
 * // in onStart:            calls = new Calls<>(ctx);
 * long id = calls.open(new Attempt(...));         // the caller's own record for the call
 * ctx.send(server, new Request(id, ...));
 * calls.setTimeout(id, timeoutNanos);
 *
 * // in onMessage:
 * Attempt a = calls.close(reply.id());            // null: late, duplicate or unknown; ignore it
 *
 * // in onTimer:
 * long id = calls.timedOut(tag);                  // NONE: not one of this table's timeouts
 * if (id != Calls.NONE) {
 *   Attempt a = calls.close(id);                  // give up on it (a late reply is ignored) ...
 *   // ... or keep it open: send again under the same id, then calls.setTimeout(id, t) again
 * }
 * }</pre>
 *
 * <p><b>The contract.</b>
 * <ul>
 *   <li>A call is <em>open</em> from {@link #open} until {@link #close} (or
 *       {@link #forgetAll}). The ids the table hands out are never reused, so once closed an id
 *       stays closed: {@link #close} returns null for it, as it does for an id that was never
 *       opened. That is what makes a duplicated reply, a reply to an attempt already given up on
 *       and a reply that arrives after its timeout harmless: the first one closes the call, the
 *       others find nothing. (Ids you choose yourself you may open again; then a late reply to
 *       the old call would close the new one.)
 *   <li>A call has at most one timeout at a time, a timer on the node's local clock
 *       ({@link Context#setTimer}) that {@link #setTimeout} sets and {@link #close} cancels;
 *       setting it again replaces (and cancels) the pending one, so a retransmission can push
 *       the deadline back.
 *   <li>A timeout decides nothing by itself: when it fires, {@link Process#onTimer} gets its tag,
 *       {@link #timedOut} turns the tag into the call's id, and the call <em>stays open</em>,
 *       without a timer. The process then either closes it (gives up: a reply that comes later
 *       is ignored) or retries under the same id (sends again and sets a new timeout: a reply to
 *       any of the attempts then closes it). A retry under a <em>new</em> id is a new call: open
 *       one and close the old one.
 *   <li><b>Crashes.</b> The table is volatile state of one incarnation of its process: create it
 *       in {@link Process#onStart}, never in a {@link ProcessFactory} or a static field. A crash
 *       drops it with the process and cancels its timers (the node does that); the restarted
 *       process starts with a fresh, empty table, and nothing it receives can close a call of
 *       its predecessor. A table used after its node crashed refuses to open calls or set timers
 *       ({@link IllegalStateException}).
 *   <li><b>The trace.</b> A timeout's timer enters the trace as a timer whose tag is the call's
 *       record: the record's {@link TraceSummary} (if it implements it) is the timer's trace
 *       detail, and its {@code toString} ("timeout of " + record) the timer's description. A
 *       table does nothing else that reaches the trace: it sends nothing and draws no random
 *       numbers.
 * </ul>
 *
 * <p><b>The data structure.</b> Ids are primitive {@code long}s, handed out consecutively from
 * the first id; an open call costs no allocation beyond the caller's record (timeout tags are
 * recycled). The table is open addressing with linear probing over a power-of-two capacity kept
 * at least twice the number of open calls, and a call's home slot is its id's Fibonacci hash
 * (the id times 2^64 / the golden ratio, its top bits): consecutive ids, the usual case, land
 * far apart and evenly spread, so a look-up mostly reads one slot. A straggler (a call without
 * timeout whose reply was lost, kept open while millions of newer calls come and go, as a load
 * balancer's route to a backend that crashed) holds one slot like any other call, and memory
 * follows the number of open calls, never their age. (Homes taken as the id modulo the capacity,
 * as a ring buffer, read one slot too, until stragglers pile up: each one pushed the run of
 * consecutive open ids that passed over it a slot further from home, for good, and the flagship
 * comparison's balancer, with a few hundred stragglers after its crashes, spent 35% of the whole
 * run probing.) Removal shifts the probe chain back (no tombstones). The table keeps a bound on
 * how far any call sits from its home slot (reset when it empties or grows), and look-ups and
 * removals look no further. Ids you choose yourself ({@link #open(long, Object)}: log indexes,
 * versions) spread the same way, whatever their stride.
 *
 * <p>Deliberately not here: iteration (nothing a process should let hash or slot order decide),
 * retry policies, backoff, or knowing what a request or a reply is: the table keeps ids, records
 * and timers, and the process says what they mean. Not thread-safe; like its process, it runs on
 * the simulation's thread.
 *
 * @param <C> the caller's record of a call: what it needs when the reply or the timeout comes
 */
public final class Calls<C> {
  /** What {@link #timedOut} returns for a tag that is not the timeout of an open call here. */
  public static final long NONE = -1;

  private static final long EMPTY = -1;
  private static final int MIN_CAPACITY = 16;
  private static final int MAX_CAPACITY = 1 << 30;

  private final Context ctx;
  private final Node node;
  private final int incarnation;
  private long nextId;
  private long[] ids;
  private Object[] records;
  private Timeout[] timeouts;
  private int mask;
  /** 64 minus log2 of the capacity: the hash's top bits are the home slot. */
  private int shift;
  private int size;
  /**
   * No call sits further than this from its home slot: look-ups and removals stop there, so
   * they never walk the run of consecutive ids that fills the slots after a home.
   */
  private int maxProbe;
  /** Timeout tags whose timers can no longer fire, ready for reuse. */
  private Timeout[] spare = new Timeout[8];
  private int spareCount;

  /** A table for the process behind {@code ctx}, handing out ids from 0. */
  public Calls(Context ctx) {
    this(ctx, 0);
  }

  /** A table handing out ids from {@code firstId} (at least 0), e.g. 1 to keep 0 for "none". */
  public Calls(Context ctx, long firstId) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    if (firstId < 0) {
      throw new IllegalArgumentException("ids are >= 0: " + firstId);
    }
    this.node = ctx.self();
    this.incarnation = node.incarnation();
    this.nextId = firstId;
    allocate(MIN_CAPACITY);
  }

  /** The id the next {@link #open(Object)} will hand out. */
  public long nextId() {
    return nextId;
  }

  /** Opens a call for {@code record} under the next id, without a timeout; returns the id. */
  public long open(C record) {
    long id = nextId;
    open(id, record);
    nextId = id + 1;
    return id;
  }

  /**
   * Opens a call under an id of your choosing ({@code >= 0}, not open already), e.g. the log
   * index or version a reply will acknowledge. Do not mix with {@link #open(Object)} in one table
   * unless your ids stay clear of the ones it hands out.
   */
  public void open(long id, C record) {
    Objects.requireNonNull(record, "record");
    checkIncarnation();
    if (id < 0) {
      throw new IllegalArgumentException("ids are >= 0: " + id);
    }
    if ((size + 1) * 2 > ids.length) {
      grow();
    }
    if (find(id) >= 0) {
      throw new IllegalStateException("call " + id + " is already open");
    }
    int i = insert(id);
    records[i] = record;
    size++;
  }

  /**
   * Sets the timeout of open call {@code id}: after {@code delayNanos} on the node's local clock
   * (at least 0), {@link Process#onTimer} gets a tag that {@link #timedOut} recognises. A
   * timeout still pending for the call is cancelled and replaced.
   *
   * @throws IllegalArgumentException if the call is not open
   */
  public void setTimeout(long id, long delayNanos) {
    checkIncarnation();
    int i = find(id);
    if (i < 0) {
      throw new IllegalArgumentException("call " + id + " is not open");
    }
    Timeout t = timeouts[i];
    if (t != null) {
      timeouts[i] = null;
      if (ctx.cancel(t.timer)) {
        recycle(t);
      }
    }
    t = spareCount > 0 ? spare[--spareCount] : new Timeout(this);
    t.id = id;
    t.record = records[i];
    timeouts[i] = t;
    t.timer = ctx.setTimer(delayNanos, t);
  }

  /** The record of open call {@code id}, or null if it is not open. Changes nothing. */
  @SuppressWarnings("unchecked")
  public C get(long id) {
    int i = find(id);
    return i < 0 ? null : (C) records[i];
  }

  /** True while call {@code id} is open. */
  public boolean isOpen(long id) {
    return find(id) >= 0;
  }

  /**
   * Closes call {@code id}, cancelling its pending timeout, and returns its record; returns null
   * (and does nothing) if it is not open: never opened, closed already (a duplicate or late
   * reply) or forgotten.
   */
  @SuppressWarnings("unchecked")
  public C close(long id) {
    int i = find(id);
    if (i < 0) {
      return null;
    }
    C record = (C) records[i];
    Timeout t = timeouts[i];
    if (t != null && ctx.cancel(t.timer)) {
      recycle(t);
    }
    removeAt(i);
    return record;
  }

  /**
   * If {@code tag} (as {@link Process#onTimer} received it) is the timeout of a call open in this
   * table, returns the call's id; the call stays open, now without a timeout, for the process to
   * close or retry. Returns {@link #NONE} for any other tag, including the timeout of a call
   * forgotten by {@link #forgetAll}. Call it once per tag, from the {@code onTimer} that
   * delivered it.
   */
  public long timedOut(Object tag) {
    if (!(tag instanceof Timeout t) || t.owner != this) {
      return NONE;
    }
    int i = find(t.id);
    if (i < 0 || timeouts[i] != t) {
      return NONE;
    }
    timeouts[i] = null;
    long id = t.id;
    recycle(t);
    return id;
  }

  /** Calls open now. */
  public int size() {
    return size;
  }

  /** True when no call is open. */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Forgets every open call at once, as a process does that abandons all it was waiting for.
   * Their timeouts are <em>not</em> cancelled: each still fires at its time (an event of the
   * run, like any timer) and {@link #timedOut} answers {@link #NONE} for it; replies find
   * nothing. Ids handed out so far stay used. (To cancel a call's timeout, {@link #close} it.)
   */
  public void forgetAll() {
    java.util.Arrays.fill(ids, EMPTY);
    java.util.Arrays.fill(records, null);
    java.util.Arrays.fill(timeouts, null);
    size = 0;
    maxProbe = 0;
  }

  /** How far any call sits from its home slot at most: what a look-up may read (tests). */
  int longestProbe() {
    return maxProbe;
  }

  @Override
  public String toString() {
    return "Calls[" + node.name() + ", " + size + " open, next id " + nextId + "]";
  }

  // ---------------------------------------------------------------- the table

  private void checkIncarnation() {
    if (node.incarnation() != incarnation) {
      throw new IllegalStateException("calls of " + node.name() + "'s incarnation "
          + incarnation + " used after its crash: create the table in onStart");
    }
  }

  /** Fibonacci hashing: 2^64 divided by the golden ratio, odd, spreads consecutive ids. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private int home(long id) {
    return (int) ((id * GOLDEN) >>> shift);
  }

  private int find(long id) {
    if (id < 0) {
      return -1;
    }
    int i = home(id);
    for (int probe = 0; probe <= maxProbe; probe++) {
      long at = ids[i];
      if (at == id) {
        return i;
      }
      if (at == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Puts {@code id} in the first free slot from its home; returns the slot. */
  private int insert(long id) {
    int home = home(id);
    int i = home;
    while (ids[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    ids[i] = id;
    maxProbe = Math.max(maxProbe, (i - home) & mask);
    return i;
  }

  /**
   * Empties slot {@code hole}, moving back the entries of its probe chain that may fill it: an
   * entry may move unless its home lies cyclically in (hole, its slot]. None further than
   * {@link #maxProbe} from the hole can, so the scan stops there.
   */
  private void removeAt(int hole) {
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      long id = ids[j];
      int distance = (j - hole) & mask;
      if (id == EMPTY || distance > maxProbe) {
        break;
      }
      if (((j - home(id)) & mask) >= distance) {
        ids[hole] = id;
        records[hole] = records[j];
        timeouts[hole] = timeouts[j];
        hole = j;
      }
    }
    ids[hole] = EMPTY;
    records[hole] = null;
    timeouts[hole] = null;
    if (--size == 0) {
      maxProbe = 0;
    }
  }

  private void allocate(int capacity) {
    ids = new long[capacity];
    java.util.Arrays.fill(ids, EMPTY);
    records = new Object[capacity];
    timeouts = new Timeout[capacity];
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  private void grow() {
    if (ids.length >= MAX_CAPACITY) {
      throw new IllegalStateException("more than " + MAX_CAPACITY / 2 + " open calls on "
          + node.name());
    }
    long[] oldIds = ids;
    Object[] oldRecords = records;
    Timeout[] oldTimeouts = timeouts;
    allocate(oldIds.length * 2);
    maxProbe = 0;
    for (int k = 0; k < oldIds.length; k++) {
      if (oldIds[k] != EMPTY) {
        int i = insert(oldIds[k]);
        records[i] = oldRecords[k];
        timeouts[i] = oldTimeouts[k];
      }
    }
  }

  private void recycle(Timeout t) {
    t.record = null;
    t.timer = null;
    if (spareCount == spare.length) {
      spare = java.util.Arrays.copyOf(spare, spare.length * 2);
    }
    spare[spareCount++] = t;
  }

  /**
   * The tag of a call's timeout timer. Stands for the call's record in the trace (its summary,
   * its text); reused once its timer can no longer fire.
   */
  private static final class Timeout implements TraceSummary {
    final Calls<?> owner;
    long id;
    Object record;
    Timer timer;

    Timeout(Calls<?> owner) {
      this.owner = owner;
    }

    @Override
    public long traceSummary() {
      return record instanceof TraceSummary s ? s.traceSummary() : 0L;
    }

    @Override
    public String toString() {
      return "timeout of " + record;
    }
  }
}
