package dev.dsim.fault;

import static dev.dsim.engine.Durations.ms;
import static dev.dsim.engine.Durations.seconds;
import static dev.dsim.fault.Faults.clockJump;
import static dev.dsim.fault.Faults.corrupt;
import static dev.dsim.fault.Faults.crash;
import static dev.dsim.fault.Faults.isolate;
import static dev.dsim.fault.Faults.nodes;
import static dev.dsim.fault.Faults.oneOf;
import static dev.dsim.fault.Faults.partition;
import static dev.dsim.fault.Faults.slow;
import static dev.dsim.fault.Faults.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import dev.dsim.world.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Faults written in Java by node name: the factories and their settings make the very records a
 * scenario binds to, the builder orders the schedule, and a plan struck on a world by node name
 * does what it says at the times it says.
 */
final class FaultsTest {
  @Test
  void theFactories_makeTheModelsRecords() {
    assertThat(crash("n1").restartAfter(seconds(1)))
        .isEqualTo(new Fault.Crash(new Target.All(List.of("n1")), Lasting.forNanos(seconds(1)),
            false));
    assertThat(crash("n1").wipingTheDisk().restartAfter()).isEqualTo(Lasting.forever());
    assertThat(crash("n1").wipingTheDisk().wipe()).isTrue();
    assertThat(partition(nodes("a", "b"), nodes("c")).lasting(ms(300)).oneWayOnly())
        .isEqualTo(new Fault.Partition(List.of(new Target.All(List.of("a", "b")),
            new Target.All(List.of("c"))), true, Lasting.forNanos(ms(300))));
    assertThat(split("a", "b", "c").lasting(ms(5)).lasting())
        .isEqualTo(Lasting.forNanos(ms(5)));
    assertThat(slow(4, "a").cpuOnly()).satisfies(s -> {
      assertThat(s.cpu()).isTrue();
      assertThat(s.disk()).isFalse();
    });
    assertThat(corrupt(3, "a").sectors(2).messages(0.1).lasting(ms(1)))
        .isEqualTo(new Fault.Corrupt(new Target.All(List.of("a")), 3, 2, 0.1,
            Lasting.forNanos(ms(1))));
    assertThat(clockJump(-seconds(2), "a").byNanos()).isEqualTo(-seconds(2));
    assertThat(crash(oneOf("a", "b")).target()).isInstanceOf(Target.OneOf.class);
    assertThat(ms(3)).isEqualTo(3_000_000L);
    assertThatThrownBy(() -> seconds(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void theBuilder_ordersTheSchedule_andHoldsTheNemeses() {
    FaultPlan plan = FaultPlan.builder()
        .at(seconds(5), isolate("n2").lasting(seconds(1)))
        .at(seconds(2), crash("n1").restartAfter(seconds(1)))
        .every(ms(400), split("n1", "n2", "n3").lasting(ms(300)))
        .randomCrashes(seconds(20), seconds(3), 1, "n1", "n2")
        .swarm()
        .build();
    assertThat(plan.schedule()).extracting(FaultPlan.Scheduled::atNanos)
        .containsExactly(seconds(2), seconds(5));
    assertThat(plan.random()).singleElement().satisfies(r ->
        assertThat(r.meanIntervalNanos()).isEqualTo(ms(400)));
    assertThat(plan.randomCrash().candidates()).isEqualTo(nodes("n1", "n2"));
    assertThat(plan.swarm()).isTrue();
    assertThatThrownBy(() -> FaultPlan.builder().randomCrashes(1, 1, 1, "a")
        .randomCrashes(1, 1, 1, "b")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPlanStruckByNodeName_crashesAndIsolatesAtItsTimes() {
    Simulation sim = new Simulation(1);
    World world = new World(sim, new Distribution.Constant(ms(1)));
    List<String> received = new ArrayList<>();
    for (String name : List.of("n1", "n2", "n3")) {
      world.addNode(name, 1, 1, n -> new Process() {
        @Override
        public void onStart(Context ctx) {
          ctx.setTimer(ms(500), "tick");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
          for (int p : ctx.peers()) {
            ctx.send(p, "ping");
          }
          ctx.setTimer(ms(500), "tick");
        }

        @Override
        public void onMessage(Context ctx, Message m) {
          received.add(ctx.now() / ms(500) + ":" + m.from() + ">" + ctx.self().name());
        }
      });
    }
    FaultLog log = new FaultLog();
    new FaultInjector(world, log, Resolver.byNodeName(world)).inject(FaultPlan.builder()
        .at(ms(1200), crash("n1").restartAfter(ms(1000)))
        .at(ms(3200), isolate("n3").lasting(ms(1000)))
        .build());
    world.start();
    sim.runUntil(seconds(5));
    assertThat(log.records()).extracting(FaultRecord::kind, FaultRecord::targets)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("crash", "n1"),
            org.assertj.core.groups.Tuple.tuple("isolate", "n3 | n1,n2"));
    // ctx.peers(): each node pings both others.
    assertThat(received).contains("1:1>n1", "1:2>n1", "1:0>n2", "1:2>n2", "1:0>n3", "1:1>n3");
    // n2 (id 1) pings every 500 ms; its pings arrive 1 ms later, in the tick they were sent.
    // n1 is down from 1.2 s to 2.2 s: the pings of 1.5 s and 2 s never reach it.
    assertThat(received).doesNotContain("3:1>n1", "4:1>n1").contains("2:1>n1", "5:1>n1");
    // n3 is isolated from 3.2 s to 4.2 s: the pings of 3.5 s and 4 s are cut.
    assertThat(received).doesNotContain("7:1>n3", "8:1>n3").contains("6:1>n3", "9:1>n3");
  }
}
