package dev.dsim.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.InvariantViolation;
import dev.dsim.engine.Simulation;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds swept for a protocol with a planted bug: the first failing seed is the one a serial loop
 * finds, whatever the threads; it replays to the same trace; a body that depends on something
 * outside the seed is caught; -Ddsim.seed re-runs one seed and writes its trace.
 */
final class SeedSweepTest {
  private static final long MS = 1_000_000;

  @TempDir
  Path dir;

  @AfterEach
  void clearProperties() {
    System.clearProperty(SeedSweep.SEED_PROPERTY);
    System.clearProperty(SeedSweep.TRACE_PROPERTY);
    System.clearProperty(TraceOptions.FROM);
    System.clearProperty(TraceOptions.TO);
    System.clearProperty(TraceOptions.NODES);
  }

  /** Counts pings it received; "bug": it must never see two pings closer than 2 ms apart. */
  static final class Counter implements Process {
    long last = -1_000 * MS;
    long closest = Long.MAX_VALUE;

    @Override
    public void onMessage(Context ctx, Message m) {
      closest = Math.min(closest, ctx.now() - last);
      last = ctx.now();
    }
  }

  /** Sends pings at random (exponential) intervals. */
  static final class Sender implements Process {
    @Override
    public void onStart(Context ctx) {
      ctx.setTimer(Math.round(ctx.rng().exponential(20 * MS).sample()), "go");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
      ctx.send(ctx.nodeId("counter"), "ping");
      ctx.setTimer(Math.round(ctx.rng().exponential(20 * MS).sample()), "go");
    }

    @Override
    public void onMessage(Context ctx, Message m) {}
  }

  /** The protocol under test, with the invariant that some seeds break. */
  static final SimulationBody PROTOCOL = sim -> {
    World world = new World(sim, new Distribution.Constant(MS));
    Counter counter = new Counter();
    world.addNode("sender", 1, 1.0, n -> new Sender());
    world.addNode("counter", 1, 1.0, n -> counter);
    sim.invariant("pings at least 2 ms apart", () -> counter.closest >= 2 * MS);
    world.start();
    sim.runUntil(200 * MS);
  };

  private static List<Long> failingSerially(long from, long to) {
    List<Long> failing = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      try {
        PROTOCOL.run(new Simulation(s));
      } catch (InvariantViolation e) {
        failing.add(s);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return failing;
  }

  @Test
  void firstFailingSeed_isTheSerialOne_andItReproduces() {
    List<Long> failing = failingSerially(1, 60);
    assertThat(failing).isNotEmpty();
    for (int threads : new int[] {1, 2, 4}) {
      SeedSweep.Result r = Simulations.seeds(1, 60).threads(threads).run(PROTOCOL);
      assertThat(r.passed()).isFalse();
      SeedFailure f = r.failure();
      assertThat(f.seed()).isEqualTo(failing.get(0));
      assertThat(f.cause()).isInstanceOf(InvariantViolation.class);
      assertThat(f.reproduced()).isTrue();
      assertThat(f.describe()).contains("seed " + f.seed(), "pings at least 2 ms apart",
          f.traceHash(), "re-ran it in the same JVM: same trace hash",
          "-Ddsim.seed=SeedSweepTest#firstFailingSeed_isTheSerialOne_andItReproduces:"
              + f.seed());
    }
  }

  @Test
  void check_throwsAnAssertionErrorThatSaysHowToRerun() {
    AssertionError e = catchThrowableOfType(AssertionError.class,
        () -> Simulations.forSeeds(1, 60, PROTOCOL));
    assertThat(e.getMessage()).contains("invariant violated", "traceHash",
        "re-run only this seed: mvn ", " test ",
        "-Dtest=SeedSweepTest#check_throwsAnAssertionErrorThatSaysHowToRerun "
            + "-Ddsim.seed=SeedSweepTest#check_throwsAnAssertionErrorThatSaysHowToRerun:",
        "-Ddsim.trace=target/dsim-seed-");
  }

  @Test
  void passingSeeds_pass() {
    SeedSweep.Result r = Simulations.seeds(1, 20).run(sim -> {
      World world = new World(sim, new Distribution.Constant(MS));
      world.addNode("sender", 1, 1.0, n -> new Sender());
      world.addNode("counter", 1, 1.0, n -> new Counter());
      world.start();
      sim.runUntil(100 * MS);
    });
    assertThat(r.passed()).isTrue();
    assertThat(r.seedsRun()).isEqualTo(20);
  }

  @Test
  void aBodyThatDependsOnSomethingOutsideTheSeed_isCaughtOnReplay() {
    AtomicLong calls = new AtomicLong();
    SeedSweep.Result r = Simulations.seeds(1, 1).run(sim -> {
      long extra = calls.incrementAndGet(); // different on the re-run: not a function of the seed
      sim.after(extra, dev.dsim.engine.EventKind.of("tick"), -1, () -> {});
      sim.run();
      throw new AssertionError("always fails");
    });
    assertThat(r.failure().reproduced()).isFalse();
    assertThat(r.failure().describe()).contains("NOT the same run");
  }

  @Test
  void seedProperty_runsOnlyThatSeed_andWritesItsTrace() throws Exception {
    long seed = failingSerially(1, 60).get(0);
    Path trace = dir.resolve("seed.jsonl");
    System.setProperty(SeedSweep.SEED_PROPERTY, Long.toString(seed));
    System.setProperty(SeedSweep.TRACE_PROPERTY, trace.toString());
    SeedSweep.Result r = Simulations.seeds(1, 1000).run(PROTOCOL);
    assertThat(r.seedsRun()).isEqualTo(1);
    assertThat(r.failure().seed()).isEqualTo(seed);
    List<String> lines = Files.readAllLines(trace);
    assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("{\"t\":"));
    assertThat(lines).anyMatch(l -> l.contains("\"node\":\"counter\""));
    // One line per fired event, plus a "send" line per message handed to the network (a
    // trace record, not an event).
    assertThat(lines.stream().filter(l -> !l.contains("\"kind\":\"send\"")).count())
        .isEqualTo(((InvariantViolation) r.failure().cause()).events());
  }

  @Test
  void theLibrarysTrace_takesReplaysWindowAndNodeFilters() throws Exception {
    long seed = failingSerially(1, 60).get(0);
    Path whole = dir.resolve("whole.jsonl");
    System.setProperty(SeedSweep.SEED_PROPERTY, Long.toString(seed));
    System.setProperty(SeedSweep.TRACE_PROPERTY, whole.toString());
    SeedSweep.Result all = Simulations.seeds(1, 1000).run(PROTOCOL);
    List<String> every = Files.readAllLines(whole);
    long last = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
        .readTree(every.get(every.size() - 1)).path("t").asLong();

    Path part = dir.resolve("part.jsonl");
    System.setProperty(SeedSweep.TRACE_PROPERTY, part.toString());
    System.setProperty(TraceOptions.FROM, (last / 2) + "ns");
    System.setProperty(TraceOptions.TO, last + "ns");
    System.setProperty(TraceOptions.NODES, "counter");
    SeedSweep.Result filtered = Simulations.seeds(1, 1000).run(PROTOCOL);
    assertThat(filtered.failure().traceHash()).as("filtering never changes the run")
        .isEqualTo(all.failure().traceHash());
    List<String> lines = Files.readAllLines(part);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(lines).isNotEmpty().hasSizeLessThan(every.size());
    for (String l : lines) {
      com.fasterxml.jackson.databind.JsonNode n = json.readTree(l);
      assertThat(n.path("t").asLong()).isBetween(last / 2, last);
      assertThat(n.path("node").asText()).isEqualTo("counter");
    }
  }
}
