package dev.dsim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FaultInjectorTest {
  private static final long S = 1_000_000_000L;

  /** Four nodes; each sends a ping to every other node every second; receipts are logged. */
  private static final class Mesh {
    final Simulation sim;
    final World world;
    final FaultLog log = new FaultLog();
    final FaultInjector injector;
    final List<String> received = new ArrayList<>();

    Mesh(long seed) {
      sim = new Simulation(seed);
      world = new World(sim, new Distribution.Constant(1_000));
      for (int i = 0; i < 4; i++) {
        world.addNode("n" + i, 1, 1, n -> new Process() {
          @Override
          public void onStart(Context ctx) {
            ctx.setTimer(S, "ping");
          }

          @Override
          public void onMessage(Context ctx, Message m) {
            received.add((ctx.now() / S) + ":" + m.from() + ">" + m.to());
          }

          @Override
          public void onTimer(Context ctx, Object tag) {
            for (int j = 0; j < 4; j++) {
              if (j != ctx.self().id()) {
                ctx.send(j, "ping");
              }
            }
            ctx.setTimer(S, "ping");
          }
        });
      }
      // Node names n0..n3, and the tier name n for all four.
      injector = new FaultInjector(world, log, name -> name.equals("n") ? List.of(0, 1, 2, 3)
          : List.of(world.node(name).id()));
    }

    List<String> at(long second) {
      return received.stream().filter(r -> r.startsWith(second + ":")).toList();
    }
  }

  private static Target nodes(Integer... ids) {
    List<String> names = new ArrayList<>();
    for (int id : ids) {
      names.add("n" + id);
    }
    return new Target.All(names);
  }

  private static Lasting lasting(long nanos) {
    return Lasting.forNanos(nanos);
  }

  @Test
  void partition_blocksExactlyTheCrossGroupPairs_andHeals() {
    Mesh m = new Mesh(1);
    m.injector.schedule(List.of(new FaultPlan.Scheduled(2 * S + 500,
        new Fault.Partition(List.of(nodes(0, 1), nodes(2)), false, lasting(2 * S)))));
    m.world.start();
    m.sim.runUntil(6 * S);
    assertThat(m.at(1)).hasSize(12); // before: everyone reaches everyone
    assertThat(m.at(3)).hasSize(8) // during: 0<->2 and 1<->2 cut; 3 is in no group
        .doesNotContain("3:0>2", "3:2>0", "3:1>2", "3:2>1")
        .contains("3:0>1", "3:3>2", "3:2>3", "3:0>3");
    assertThat(m.at(5)).hasSize(12); // healed
    assertThat(m.log.records()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("partition");
      assertThat(r.targets()).isEqualTo("n0,n1 | n2");
      assertThat(r.healedAtNanos()).isEqualTo(4 * S + 500);
    });
  }

  @Test
  void oneWayPartition_deliversTheOtherDirection() {
    Mesh m = new Mesh(1);
    m.injector.schedule(List.of(new FaultPlan.Scheduled(S + 500,
        new Fault.Partition(List.of(nodes(0), nodes(1)), true, Lasting.forever()))));
    m.world.start();
    m.sim.runUntil(3 * S);
    assertThat(m.at(2)).doesNotContain("2:0>1").contains("2:1>0").hasSize(11);
    assertThat(m.log.records().get(0).healedAtNanos()).isEqualTo(-1);
  }

  @Test
  void overlappingPartitions_healIndependently() {
    Mesh m = new Mesh(1);
    m.injector.schedule(List.of(
        new FaultPlan.Scheduled(S + 500, new Fault.Partition(List.of(nodes(0), nodes(1)), false,
            lasting(2 * S))),
        new FaultPlan.Scheduled(S + 600, new Fault.Partition(List.of(nodes(0), nodes(1)), false,
            lasting(4 * S)))));
    m.world.start();
    m.sim.runUntil(7 * S);
    assertThat(m.at(4)).doesNotContain("4:0>1"); // the first healed at 3s, the second holds
    assertThat(m.at(6)).contains("6:0>1");
  }

  @Test
  void isolate_cutsTheNodeOffFromEveryone() {
    Mesh m = new Mesh(1);
    m.injector.schedule(List.of(new FaultPlan.Scheduled(S + 500,
        new Fault.Isolate(nodes(3), lasting(S)))));
    m.world.start();
    m.sim.runUntil(4 * S);
    assertThat(m.at(2)).hasSize(6).noneMatch(r -> r.contains("3>") || r.contains(">3"));
    assertThat(m.at(3)).hasSize(12);
    assertThat(m.log.records().get(0).targets()).isEqualTo("n3 | n0,n1,n2");
  }

  @Test
  void crashWithRestart_accountsUptime_andLogsTheFault() {
    Mesh m = new Mesh(1);
    m.injector.schedule(List.of(new FaultPlan.Scheduled(10 * S,
        new Fault.Crash(nodes(2), lasting(5 * S), false))));
    m.world.start();
    m.sim.runUntil(100 * S);
    assertThat(m.world.node(2).upNanos()).isEqualTo(95 * S);
    assertThat(m.world.node(2).crashes()).isEqualTo(1);
    assertThat(m.at(12)).noneMatch(r -> r.endsWith(">2"));
    assertThat(m.log.records()).singleElement()
        .isEqualTo(new FaultRecord("crash", "n2", 10 * S, 15 * S, "schedule",
            new Fault.Crash(new Target.All(List.of("n2")), lasting(5 * S), false)));
  }

  @Test
  void randomTarget_isDrawnFromTheFaultsOwnStream() {
    List<String> first = crashRandom(7);
    assertThat(crashRandom(7)).isEqualTo(first);
    List<String> picks = new ArrayList<>();
    for (long seed = 0; seed < 40; seed++) {
      picks.addAll(crashRandom(seed));
    }
    assertThat(picks).contains("n0", "n1", "n2", "n3");
  }

  @Test
  void aFaultsDraws_doNotShift_whenAnotherFaultIsInsertedBeforeIt() {
    Fault pickOne = new Fault.Crash(new Target.OneOf(List.of("n")), Lasting.forever(), false);
    for (long seed = 1; seed <= 20; seed++) {
      Mesh alone = new Mesh(seed);
      alone.injector.schedule(List.of(new FaultPlan.Scheduled(5 * S, pickOne)));
      Mesh after = new Mesh(seed);
      after.injector.schedule(List.of(
          new FaultPlan.Scheduled(S, new Fault.Slow(new Target.OneOf(List.of("n")), 2,
              lasting(S))),
          new FaultPlan.Scheduled(5 * S, pickOne)));
      for (Mesh m : List.of(alone, after)) {
        m.world.start();
        m.sim.runUntil(6 * S);
      }
      assertThat(crashed(after)).as("seed %d", seed).isEqualTo(crashed(alone));
    }
    assertThat(FaultInjector.streamName(new FaultPlan.Scheduled(5 * S, pickOne)))
        .isEqualTo("fault/crash@5000000000/random:n");
  }

  private static String crashed(Mesh m) {
    return m.log.records().stream().filter(r -> r.kind().equals("crash"))
        .map(FaultRecord::targets).findFirst().orElseThrow();
  }

  private static List<String> crashRandom(long seed) {
    Mesh m = new Mesh(seed);
    m.injector.schedule(List.of(new FaultPlan.Scheduled(S,
        new Fault.Crash(new Target.OneOf(List.of("n")), Lasting.forever(), false))));
    m.world.start();
    m.sim.runUntil(2 * S);
    return m.log.records().stream().map(FaultRecord::targets).toList();
  }

  @Test
  void nemesis_isDeterministicPerSeed_andRespectsMaxDown() {
    Mesh a = nemesis(3, 1);
    Mesh b = nemesis(3, 1);
    assertThat(a.log.records()).isEqualTo(b.log.records());
    assertThat(a.sim.traceHash()).isEqualTo(b.sim.traceHash());
    assertThat(nemesis(4, 1).log.records()).isNotEqualTo(a.log.records());
    assertThat(a.log.records()).hasSizeGreaterThan(50);
    assertMaxDown(a, 1);
    Mesh two = nemesis(3, 2);
    assertMaxDown(two, 2);
    assertThat(maxConcurrent(two)).isEqualTo(2); // the limit is reached, not just respected
  }

  private static Mesh nemesis(long seed, int maxDown) {
    Mesh m = new Mesh(seed);
    m.injector.start(new FaultPlan.CrashNemesis(new Target.All(List.of("n")), 20 * S, 10 * S, maxDown));
    m.world.start();
    m.sim.runUntil(2_000 * S);
    return m;
  }

  private static void assertMaxDown(Mesh m, int maxDown) {
    assertThat(maxConcurrent(m)).isLessThanOrEqualTo(maxDown);
  }

  /** Most crashes open at once, from the log (a sweep over strike and heal times). */
  private static int maxConcurrent(Mesh m) {
    List<long[]> edges = new ArrayList<>();
    for (FaultRecord r : m.log.records()) {
      edges.add(new long[] {r.atNanos(), 1});
      edges.add(new long[] {r.healedAtNanos() < 0 ? Long.MAX_VALUE : r.healedAtNanos(), -1});
    }
    edges.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    int open = 0;
    int max = 0;
    for (long[] e : edges) {
      open += (int) e[1];
      max = Math.max(max, open);
    }
    return max;
  }

  /**
   * What a nemesis drew is in its log as concrete faults: struck again as a plain schedule, with
   * no nemesis and no draws, they cut, slow and crash exactly what the nemeses did, so every
   * ping lands or is lost as before. This is what lets the shrinker turn a nemesis into a
   * schedule it can cut down.
   */
  @Test
  void nemesisStrikes_loggedAsConcreteFaults_doTheSameAgainAsASchedule() {
    Mesh drawn = new Mesh(7);
    Target all = new Target.All(List.of("n"));
    drawn.injector.inject(new FaultPlan(List.of(),
        new FaultPlan.CrashNemesis(all, 15 * S, 3 * S, 1),
        List.of(new FaultPlan.RandomFault(4 * S, new Fault.Partition(List.of(all, all), false,
                lasting(2 * S))),
            new FaultPlan.RandomFault(5 * S, new Fault.Isolate(all, lasting(S))),
            new FaultPlan.RandomFault(6 * S, new Fault.Degrade(all, 0, 1.0, lasting(S))))));
    drawn.world.start();
    drawn.sim.runUntil(60 * S);
    List<FaultRecord> log = drawn.log.records();
    assertThat(log).extracting(FaultRecord::kind)
        .contains("crash", "partition", "isolate", "degrade");
    assertThat(log).allSatisfy(r -> {
      assertThat(r.struck().targets()).allMatch(t -> t instanceof Target.All);
      assertThat(r.struck().kind()).isEqualTo(r.kind());
    });

    Mesh replayed = new Mesh(7);
    replayed.injector.schedule(log.stream().map(FaultRecord::asScheduled).toList());
    replayed.world.start();
    replayed.sim.runUntil(60 * S);
    assertThat(replayed.received).isEqualTo(drawn.received);
    assertThat(replayed.log.records()).extracting(FaultRecord::targets)
        .isEqualTo(log.stream().map(FaultRecord::targets).toList());
  }

  @Test
  void randomSplit_cutsTheCandidatesIntoTwoGroups_deterministically() {
    List<List<String>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Mesh m = new Mesh(11);
      m.injector.start(new FaultPlan.RandomFault(30 * S,
          new Fault.Split(new Target.All(List.of("n")), lasting(5 * S))));
      m.world.start();
      m.sim.runUntil(600 * S);
      runs.add(m.log.records().stream().map(r -> r.atNanos() + " " + r.targets()).toList());
      assertThat(m.log.records()).allSatisfy(r -> {
        assertThat(r.kind()).isEqualTo("partition");
        assertThat(r.source()).isEqualTo("nemesis");
        assertThat(r.targets()).contains(" | ");
        if (r.healedAtNanos() < 0) {
          // Still open when the run ends: it struck within its 5 s of the end.
          assertThat(r.atNanos()).isGreaterThan(600 * S - 5 * S);
        } else {
          assertThat(r.healedAtNanos() - r.atNanos()).isEqualTo(5 * S);
        }
      });
    }
    assertThat(runs.get(0)).hasSizeGreaterThan(5).isEqualTo(runs.get(1));
  }

  @Test
  void crashWithWipe_losesTheDisk_plainCrashKeepsWhatWasFsynced() {
    Mesh m = new Mesh(1);
    m.world.start();
    for (int id = 0; id < 2; id++) {
      dev.dsim.world.Disk d = m.world.node(id).disk();
      d.write("k", new byte[] {1}, null);
      d.fsync(null);
    }
    m.injector.schedule(List.of(
        new FaultPlan.Scheduled(S, new Fault.Crash(nodes(0), lasting(S), true)),
        new FaultPlan.Scheduled(S, new Fault.Crash(nodes(1), lasting(S), false))));
    m.sim.runUntil(3 * S);
    assertThat(m.world.node(0).disk().keys()).isEmpty();
    assertThat(m.world.node(1).disk().keys()).containsExactly("k");
    assertThat(m.log.records().get(0).targets()).isEqualTo("n0 (disk wiped)");
  }

  @Test
  void corrupt_flipsBlocksOnDisk_andDamagesMessagesOnlyForItsWindow() {
    Mesh m = new Mesh(1);
    m.world.start();
    dev.dsim.world.Disk d = m.world.node(2).disk();
    dev.dsim.world.Disk bad = m.world.node(1).disk();
    for (int i = 0; i < 10; i++) {
      d.write("b" + i, new byte[] {0, 0}, null);
      bad.write("b" + i, new byte[] {0, 0}, null);
    }
    m.injector.schedule(List.of(
        new FaultPlan.Scheduled(S / 2, new Fault.Corrupt(nodes(2), 3, 0, 0, Lasting.forever())),
        new FaultPlan.Scheduled(S / 2, new Fault.Corrupt(nodes(1), 0, 2, 0, Lasting.forever())),
        new FaultPlan.Scheduled(5 * S, new Fault.Corrupt(nodes(3), 0, 0, 1.0, lasting(2 * S)))));
    m.sim.runUntil(10 * S);
    int flipped = 0;
    for (String k : d.keys()) {
      int[] bits = new int[1];
      d.read(k, r -> {
        if (r.ok()) {
          bits[0] = Integer.bitCount(r.value()[0] & 0xff) + Integer.bitCount(r.value()[1] & 0xff);
        }
      });
      m.sim.runUntil(m.sim.now() + S);
      flipped += bits[0];
    }
    assertThat(flipped).isEqualTo(3);
    for (String k : bad.keys()) {
      bad.read(k, r -> {});
    }
    m.sim.runUntil(m.sim.now() + S);
    assertThat(bad.ioErrors()).isEqualTo(2);
    // Checksums are off in the mesh: the three pings per second to and from n3 arrive damaged
    // (strings cannot be damaged, so they arrive intact) only between 5 s and 7 s.
    assertThat(m.world.network().messagesCorrupted()).isEqualTo(2 * 6);
    assertThat(m.log.records().get(2).healedAtNanos()).isEqualTo(7 * S);
  }
}
