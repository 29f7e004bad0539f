package dev.dsim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Swarm testing's draw: at least one kind on, every kind both on and off across seeds, a pure
 * function of the seed, from a named stream that nothing else shifts; and the injector starts
 * only the kinds drawn.
 */
final class SwarmTest {
  private static final long S = 1_000_000_000L;
  private static final int SEEDS = 2_000;

  private static Swarm.Draw draw(List<String> kinds, long seed) {
    return Swarm.draw(kinds, Rng.root(seed).fork(Swarm.STREAM));
  }

  @Test
  void atLeastOneKindIsOn_andEveryKindIsBothOnAndOff_acrossSeeds() {
    for (int k = 1; k <= Swarm.KINDS.size(); k++) {
      List<String> kinds = Swarm.KINDS.subList(0, k);
      int[] on = new int[k];
      for (long seed = 1; seed <= SEEDS; seed++) {
        Swarm.Draw d = draw(kinds, seed);
        assertThat(d.enabled()).as("seed %d, %d kinds", seed, k).isNotEmpty();
        // A partition of the declared kinds, each list in declaration order.
        List<String> merged = new ArrayList<>(d.enabled());
        merged.addAll(d.disabled());
        assertThat(merged).containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(d.enabled()).isSortedAccordingTo(
            (a, b) -> Integer.compare(kinds.indexOf(a), kinds.indexOf(b)));
        assertThat(d.disabled()).isSortedAccordingTo(
            (a, b) -> Integer.compare(kinds.indexOf(a), kinds.indexOf(b)));
        for (int i = 0; i < k; i++) {
          on[i] += d.isEnabled(kinds.get(i)) ? 1 : 0;
        }
      }
      for (int i = 0; i < k; i++) {
        if (k == 1) {
          assertThat(on[i]).isEqualTo(SEEDS); // the only kind is always on
        } else {
          // 1/2 from the coin, plus its share (1/k) of the fallback when every coin says off.
          double expected = 0.5 + Math.pow(0.5, k) / k;
          double share = on[i] / (double) SEEDS;
          assertThat(share).as("%s among %d kinds", kinds.get(i), k)
              .isBetween(expected - 0.04, expected + 0.04);
        }
      }
    }
  }

  @Test
  void theDraw_isAPureFunctionOfTheSeed() {
    Set<List<String>> distinct = new LinkedHashSet<>();
    for (long seed = 1; seed <= 200; seed++) {
      Swarm.Draw a = draw(Swarm.KINDS, seed);
      assertThat(draw(Swarm.KINDS, seed)).isEqualTo(a);
      distinct.add(a.enabled());
    }
    assertThat(distinct).as("different seeds draw different subsets").hasSizeGreaterThan(50);
  }

  @Test
  void theStream_isNamed_soOtherStreamsAndDrawsDoNotShiftIt() {
    for (long seed = 1; seed <= 200; seed++) {
      Rng root = Rng.root(seed);
      Swarm.Draw first = Swarm.draw(Swarm.KINDS, root.fork(Swarm.STREAM));
      Rng busy = Rng.root(seed);
      busy.fork("nemesis/partition").nextLong();
      busy.fork("node/web-1/disk").nextDouble();
      busy.nextLong(); // the root's own draws do not move a forked stream either
      assertThat(Swarm.draw(Swarm.KINDS, busy.fork(Swarm.STREAM))).isEqualTo(first);
    }
  }

  @Test
  void aKindsCoin_doesNotDependOnWhichOtherKindsAreDeclared() {
    List<String> a = List.of("crash", "partition", "slow", "corrupt");
    List<String> b = List.of("partition", "isolate", "slow", "degrade", "clockJump");
    for (long seed = 1; seed <= SEEDS; seed++) {
      Swarm.Draw da = draw(a, seed);
      Swarm.Draw db = draw(b, seed);
      // Two or more on: no fallback pick, every kind's state is its own coin.
      if (da.enabled().size() >= 2 && db.enabled().size() >= 2) {
        for (String shared : List.of("partition", "slow")) {
          assertThat(db.isEnabled(shared)).as("seed %d, %s", seed, shared)
              .isEqualTo(da.isEnabled(shared));
        }
      }
    }
  }

  @Test
  void noKinds_orAKindTwice_isAMistake() {
    Rng rng = Rng.root(1).fork(Swarm.STREAM);
    assertThatThrownBy(() -> Swarm.draw(List.of(), rng))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Swarm.draw(List.of("slow", "slow"), rng))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FaultPlan(List.of(), null, List.of(), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swarm");
  }

  @Test
  void kinds_areTheFormatsKeys_crashFirst() {
    FaultPlan plan = new FaultPlan(List.of(), new FaultPlan.CrashNemesis(
        new Target.All(List.of("n")), 10 * S, S, 1), List.of(
            new FaultPlan.RandomFault(S, new Fault.Split(new Target.All(List.of("n")),
                Lasting.forNanos(S))),
            new FaultPlan.RandomFault(S, new Fault.ClockJump(new Target.All(List.of("n")), S)),
            new FaultPlan.RandomFault(2 * S, new Fault.ClockJump(new Target.All(List.of("n")),
                -S))), true);
    assertThat(Swarm.kinds(plan)).containsExactly("crash", "partition", "clockJump");
  }

  /** Four idle nodes under every kind the injector knows, as nemeses striking every second. */
  private static FaultLog injectSwarm(long seed, boolean swarm) {
    Simulation sim = new Simulation(seed);
    World world = new World(sim, new Distribution.Constant(1_000));
    for (int i = 0; i < 4; i++) {
      world.addNode("n" + i, 1, 1, n -> (Context ctx, Message m) -> { });
    }
    FaultLog log = new FaultLog();
    FaultInjector injector = new FaultInjector(world, log, name -> name.equals("n")
        ? List.of(0, 1, 2, 3) : List.of(world.node(name).id()));
    Target all = new Target.All(List.of("n"));
    injector.inject(new FaultPlan(List.of(), new FaultPlan.CrashNemesis(all, 5 * S, S, 1),
        List.of(new FaultPlan.RandomFault(S, new Fault.Split(all, Lasting.forNanos(S / 2))),
            new FaultPlan.RandomFault(S, new Fault.Slow(all, 2, Lasting.forNanos(S / 2), true,
                true)),
            new FaultPlan.RandomFault(S, new Fault.ClockJump(all, S))), swarm));
    world.start();
    sim.runUntil(60 * S);
    return log;
  }

  @Test
  void theInjector_startsOnlyTheKindsDrawn_andLogsTheDraw() {
    assertThat(injectSwarm(1, false).swarm()).isNull();
    Set<Set<String>> seen = new LinkedHashSet<>();
    for (long seed = 1; seed <= 30; seed++) {
      FaultLog log = injectSwarm(seed, true);
      Swarm.Draw d = log.swarm();
      assertThat(d).isEqualTo(Swarm.draw(List.of("crash", "partition", "slow", "clockJump"),
          Rng.root(seed).fork(Swarm.STREAM)));
      Set<String> struck = new LinkedHashSet<>();
      for (FaultRecord r : log.records()) {
        struck.add(r.kind().equals("clock-jump") ? "clockJump" : r.kind());
      }
      // In a minute, every kind enabled strikes (each about once a second or more).
      assertThat(struck).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(d.enabled());
      seen.add(struck);
    }
    assertThat(seen).hasSizeGreaterThan(5);
  }
}
