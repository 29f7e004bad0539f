package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TimerTest {

  @Test
  void timersFireWithTheirTagAndCanBeCancelled() {
    Simulation sim = new Simulation(1);
    World world = new World(sim, new Distribution.Constant(0));
    List<String> fired = new ArrayList<>();
    world.addNode("n-1", 1, 1, n -> new Process() {
      @Override
      public void onStart(Context ctx) {
        ctx.setTimer(5, "five");
        Timer ten = ctx.setTimer(10, "ten");
        ctx.setTimer(7, "seven");
        assertThat(ctx.cancel(ten)).isTrue();
        assertThat(ctx.cancel(ten)).isFalse();
      }

      @Override
      public void onMessage(Context ctx, Message m) {}

      @Override
      public void onTimer(Context ctx, Object tag) {
        fired.add(tag + "@" + ctx.now());
      }
    });
    world.start();
    sim.run();
    assertThat(fired).containsExactly("five@5", "seven@7");
  }
}
