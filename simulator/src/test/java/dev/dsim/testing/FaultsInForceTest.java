package dev.dsim.testing;

import static dev.dsim.engine.Durations.ms;
import static dev.dsim.engine.Durations.seconds;
import static dev.dsim.fault.Faults.crash;
import static dev.dsim.fault.Faults.isolate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.fault.FaultPlan;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sweep's failure message says which faults were in force when the run failed: those struck
 * through RunFaults and not healed by then, each with when it struck; a healed one is not listed.
 */
final class FaultsInForceTest {
  private static void body(Simulation sim) {
    World world = new World(sim, new Distribution.Constant(ms(1)));
    for (String name : List.of("n1", "n2", "n3")) {
      world.addNode(name, 1, 1, n -> new Process() {
        @Override
        public void onStart(Context ctx) {
          ctx.setTimer(ms(100), "tick");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
          ctx.setTimer(ms(100), "tick");
        }

        @Override
        public void onMessage(Context ctx, Message m) {}
      });
    }
    sim.invariant("n1 is up after 2 s", () -> sim.now() > seconds(2) && !world.node("n1").isUp()
        ? "n1 is down" : null);
    RunFaults.of(FaultPlan.builder()
        .at(ms(500), isolate("n3").lasting(ms(200)))
        .at(seconds(1), crash("n1"))
        .at(seconds(1), isolate("n2"))
        .build()).strikeOn(world);
    world.start();
    sim.runUntil(seconds(3));
  }

  @Test
  void theFailureMessage_listsTheFaultsInForce_notTheHealedOnes() {
    SeedSweep.Result r = Simulations.seeds(1, 1).run(FaultsInForceTest::body);
    assertThat(r.passed()).isFalse();
    assertThat(r.failure().faultsInForce())
        .containsExactly("crash n1 (since 1s)", "isolate n2 | n1,n3 (since 1s)");
    assertThat(r.failure().describe())
        .contains("faults in force then: crash n1 (since 1s); isolate n2 | n1,n3 (since 1s)")
        .doesNotContain("n3 | ");
  }

  @Test
  void aBodyWithoutRunFaults_saysNothingOfFaults() {
    SeedSweep.Result r = Simulations.seeds(1, 1).run(sim -> {
      sim.invariant("never", () -> "broken");
      sim.schedule(1, dev.dsim.engine.EventKind.of("tick"), -1, () -> { });
      sim.runUntil(10);
    });
    assertThat(r.failure().faultsInForce()).isNull();
    assertThat(r.failure().describe()).doesNotContain("fault");
  }
}
