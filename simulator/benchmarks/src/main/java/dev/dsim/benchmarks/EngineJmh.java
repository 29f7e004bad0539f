package dev.dsim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the hold model for dsim's engine and the primitive heap (the bound it is measured
 * against), events per second. Add {@code -prof gc} for allocation per event: dsim's engine
 * allocates nothing per event once its queue has grown.
 *
 * <pre>java -jar simulator/benchmarks/target/dsim-benchmarks.jar jmh EngineJmh</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@org.openjdk.jmh.annotations.Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineJmh {
  private static final int BATCH = 100_000;
  private static final long[] INCREMENTS = HoldIncrements.exponential(1 << 20, 42);

  @Param({"1000", "100000", "1000000"})
  public int pending;

  @Param({"dsim", "heap"})
  public String queue;

  private HoldContender contender;

  @Setup(Level.Trial)
  public void setUp() {
    contender = switch (queue) {
      case "dsim" -> new DsimHold();
      case "heap" -> new PrimitiveHeapHold();
      default -> throw new IllegalArgumentException("queue: dsim or heap, got " + queue);
    };
    contender.setUp(pending, INCREMENTS);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    contender.tearDown();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long hold() {
    return contender.fire(BATCH);
  }
}
