package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reorder buffer of a streamed sweep: runs that finish out of order reach the sink in job
 * order, nothing after the K-th failing run in job order reaches it, and what waits behind a run
 * that never finished (Ctrl-C) is passed on at the end.
 */
final class InOrderTest {
  private static ParallelRunner.Job job;

  @BeforeAll
  static void scenario() throws Exception {
    Scenario s = ScenarioLoader.parse("t.json", """
        {"name": "t", "duration": "1s", "clients": {"rate": 1},
         "tiers": {"app": {"kind": "stateless", "nodes": 1, "work": "1ms"}}}
        """).resolve(null);
    job = new ParallelRunner.Job(s, 1);
  }

  private static StreamedRun run(int index, boolean failing) {
    List<RunResult.ExpectationResult> failed = failing
        ? List.of(new RunResult.ExpectationResult("availability", ">= 1", 0.5, false))
        : List.of();
    RunDigest d = new RunDigest("t", "h" + index, 1, 1, 1, 1, 1, 1, 1, 1, null, null, 1, failed);
    return new StreamedRun(index, job, d, null, null);
  }

  @Test
  void runsFinishingOutOfOrder_reachTheSinkInJobOrder() {
    List<Integer> seen = new ArrayList<>();
    InOrder order = new InOrder(0, r -> seen.add(r.index()));
    order.offer(run(2, false));
    order.offer(run(1, false));
    assertThat(seen).isEmpty();
    order.offer(run(0, false));
    assertThat(seen).containsExactly(0, 1, 2);
    order.offer(run(4, false));
    order.offer(run(3, false));
    assertThat(seen).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void nothingAfterTheKthFailureInJobOrder_reachesTheSink() {
    List<Integer> seen = new ArrayList<>();
    InOrder order = new InOrder(2, r -> seen.add(r.index()));
    order.offer(run(5, true)); // a failure, but later in job order than the two below
    order.offer(run(3, false));
    order.offer(run(1, true));
    order.offer(run(0, false));
    order.offer(run(2, true));
    assertThat(order.stopped()).isTrue();
    order.offer(run(4, false));
    order.drain();
    assertThat(seen).containsExactly(0, 1, 2);
  }

  @Test
  void drain_passesOnWhatWaitsBehindARunThatNeverFinished() {
    List<Integer> seen = new ArrayList<>();
    InOrder order = new InOrder(0, r -> seen.add(r.index()));
    order.offer(run(0, false));
    order.offer(run(3, false));
    order.offer(run(2, true));
    assertThat(seen).containsExactly(0);
    order.drain(); // run 1 was abandoned
    assertThat(seen).containsExactly(0, 2, 3);
  }
}
