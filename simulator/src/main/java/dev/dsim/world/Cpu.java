package dev.dsim.world;

import dev.dsim.engine.Event;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Simulation;
import java.util.ArrayDeque;

/**
 * A node's processor: {@code cores} identical cores of {@code speed} work units per second each.
 * A job of w nanoseconds of work (at speed 1) takes w / speed on one core; jobs queue FIFO for a
 * free core. With exponential work and Poisson arrivals this is exactly an M/M/k queue.
 *
 * <p>With a {@link Contention} model, cores slow each other down as in the Universal
 * Scalability Law: a job that starts while n cores are busy (itself included) takes
 * {@link Contention#stretch(int) stretch(n)} times longer. The stretch is fixed when the job
 * starts (not re-planned as other jobs come and go), which keeps the hot path one event per job
 * and gives the law's throughput curve at steady load.
 *
 * <p>It records busy core-time so that utilisation can be reported, and can be slowed down (a
 * gray failure). It does not model preemption.
 */
public final class Cpu {
  static final EventKind DONE = EventKind.of("cpu-done");

  private final Simulation sim;
  private final int nodeId;
  private final int cores;
  private final double speed;
  private final Contention contention;
  private final ArrayDeque<Job> waiting = new ArrayDeque<>();
  private int busy;
  private long busyNanos;
  private long completed;
  private int generation;
  private double slowdown = 1.0;

  Cpu(Simulation sim, int nodeId, int cores, double speed, Contention contention) {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be >= 1: " + cores);
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number > 0: " + speed);
    }
    this.sim = sim;
    this.nodeId = nodeId;
    this.cores = cores;
    this.speed = speed;
    this.contention = contention;
  }

  void submit(long workNanos, Runnable then) {
    if (workNanos < 0) {
      throw new IllegalArgumentException("negative work: " + workNanos);
    }
    Job job = new Job(this, workNanos, then, generation);
    if (busy < cores) {
      start(job);
    } else {
      waiting.addLast(job);
    }
  }

  private void start(Job job) {
    busy++;
    double rate = speed / slowdown;
    if (!contention.isNone()) {
      rate /= contention.stretch(busy);
    }
    long serviceNanos = rate == 1.0 ? job.workNanos : Math.round(job.workNanos / rate);
    job.startedAt = sim.now();
    sim.after(serviceNanos, job);
  }

  private void finish(Job job) {
    busy--;
    busyNanos += sim.now() - job.startedAt;
    completed++;
    Job next = waiting.pollFirst();
    if (next != null) {
      start(next);
    }
    job.then.run();
  }

  /** Drops queued and running work (on crash); their continuations never run. */
  void reset() {
    generation++;
    waiting.clear();
    busy = 0;
  }

  /**
   * Slows the CPU by {@code factor} (1 = normal): jobs that start from now on take
   * {@code factor} times longer. A gray failure: the node is up and answers, only slowly.
   */
  public void setSlowdown(double factor) {
    this.slowdown = requireSlowdown(factor);
  }

  /** A slow-down factor (CPU or disk) must be finite and at least 1. */
  static double requireSlowdown(double factor) {
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("slowdown factor must be a finite number >= 1: "
          + factor);
    }
    return factor;
  }

  public double slowdown() {
    return slowdown;
  }

  public int cores() {
    return cores;
  }

  public double speed() {
    return speed;
  }

  public Contention contention() {
    return contention;
  }

  /** Cores busy right now. */
  public int busyCores() {
    return busy;
  }

  /** Jobs waiting for a core right now. */
  public int queueLength() {
    return waiting.size();
  }

  /** Core-nanoseconds spent on completed jobs. */
  public long busyNanos() {
    return busyNanos;
  }

  /** Jobs completed. */
  public long completedJobs() {
    return completed;
  }

  private static final class Job extends Event {
    private final Cpu cpu;
    private final long workNanos;
    private final Runnable then;
    private final int generation;
    private long startedAt;

    Job(Cpu cpu, long workNanos, Runnable then, int generation) {
      this.cpu = cpu;
      this.workNanos = workNanos;
      this.then = then;
      this.generation = generation;
    }

    @Override
    public EventKind kind() {
      return DONE;
    }

    @Override
    public int node() {
      return cpu.nodeId;
    }

    @Override
    public long traceDetail() {
      return workNanos;
    }

    @Override
    protected void fire() {
      if (generation == cpu.generation) {
        cpu.finish(this);
      }
    }
  }
}
