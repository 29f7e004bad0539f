package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CpuTest {

  private final Simulation sim = new Simulation(1);

  /** A started world with one idle node of the given size. */
  private Node node(int cores, double speed) {
    World world = new World(sim, new Distribution.Constant(0));
    Node n = world.addNode("n-1", cores, speed, node -> (ctx, m) -> {});
    world.start();
    return n;
  }

  @Test
  void jobsQueueFifoForAFreeCore() {
    Node n = node(2, 1.0);
    List<String> done = new ArrayList<>();
    long ms = 1_000_000;
    // Two cores: a and b start at 0; c waits for a (done at 10ms); d waits for b (done at 20ms).
    n.cpu().submit(10 * ms, () -> done.add("a@" + sim.now() / ms));
    n.cpu().submit(20 * ms, () -> done.add("b@" + sim.now() / ms));
    n.cpu().submit(5 * ms, () -> done.add("c@" + sim.now() / ms));
    n.cpu().submit(1 * ms, () -> done.add("d@" + sim.now() / ms));
    assertThat(n.cpu().queueLength()).isEqualTo(2);
    sim.run();
    assertThat(done).containsExactly("a@10", "c@15", "d@16", "b@20");
    assertThat(n.cpu().busyNanos()).isEqualTo(36 * ms);
    assertThat(n.cpu().completedJobs()).isEqualTo(4);
  }

  @Test
  void speedDividesServiceTime() {
    Node n = node(1, 4.0);
    long[] finishedAt = new long[1];
    n.cpu().submit(8_000_000, () -> finishedAt[0] = sim.now());
    sim.run();
    assertThat(finishedAt[0]).isEqualTo(2_000_000);
  }

  @Test
  void resetDropsQueuedAndRunningWork() {
    Node n = node(1, 1.0);
    List<String> done = new ArrayList<>();
    n.cpu().submit(10, () -> done.add("lost-running"));
    n.cpu().submit(10, () -> done.add("lost-queued"));
    n.cpu().reset();
    n.cpu().submit(5, () -> done.add("after-reset"));
    sim.run();
    assertThat(done).containsExactly("after-reset");
  }
}
