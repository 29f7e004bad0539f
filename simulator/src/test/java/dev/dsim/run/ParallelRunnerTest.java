package dev.dsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parallel runs equal serial ones; stopping early keeps exactly the first failures; abort. */
final class ParallelRunnerTest {
  private static Scenario scenario() throws Exception {
    return ScenarioLoader.parse("p.json", """
        {"name": "p", "duration": "5s", "clients": {"rate": 100, "timeout": "1s"},
         "tiers": {"web": {"kind": "stateless", "nodes": 2, "work": "5ms"}}}
        """).resolve(null);
  }

  private static List<ParallelRunner.Job> jobs(int n) throws Exception {
    Scenario s = scenario();
    List<ParallelRunner.Job> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      jobs.add(new ParallelRunner.Job(s, 100 + i));
    }
    return jobs;
  }

  private static List<String> hashes(List<ParallelRunner.Outcome> outcomes) {
    List<String> h = new ArrayList<>();
    for (ParallelRunner.Outcome o : outcomes) {
      h.add(o.finished() ? o.run().result().traceHash() : "-");
    }
    return h;
  }

  @Test
  void threeThreads_giveTheSameOutcomesInTheSameOrderAsOne() throws Exception {
    List<ParallelRunner.Job> jobs = jobs(12);
    var serial = new ParallelRunner(1, RunOptions.defaults()).run(jobs, r -> false, 0, null);
    var parallel = new ParallelRunner(3, RunOptions.defaults()).run(jobs, r -> false, 0, null);
    assertThat(hashes(parallel)).isEqualTo(hashes(serial)).doesNotContain("-");
    assertThat(parallel.get(5).run().result()).isEqualTo(serial.get(5).run().result());
  }

  @Test
  void stopAfter_keepsTheFirstKFailuresInJobOrder_whateverTheThreads() throws Exception {
    List<ParallelRunner.Job> jobs = jobs(20);
    // "Failure": an odd number of requests; which jobs fail is a property of their seeds.
    java.util.function.Predicate<CompletedRun> odd = r -> r.result().requests().total() % 2 == 1;
    var all = new ParallelRunner(1, RunOptions.defaults()).run(jobs, odd, 0, null);
    List<Integer> failing = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (odd.test(all.get(i).run())) {
        failing.add(i);
      }
    }
    assertThat(failing.size()).isGreaterThanOrEqualTo(3);
    for (int threads : new int[] {1, 2, 4}) {
      var some = new ParallelRunner(threads, RunOptions.defaults()).run(jobs, odd, 3, null);
      List<Integer> found = new ArrayList<>();
      for (int i = 0; i < some.size(); i++) {
        if (some.get(i).finished() && odd.test(some.get(i).run())) {
          found.add(i);
        }
        if (i <= failing.get(2)) {
          assertThat(some.get(i).finished()).as("job %d with %d threads", i, threads).isTrue();
        } else {
          assertThat(some.get(i).finished()).as("job %d with %d threads", i, threads).isFalse();
        }
      }
      assertThat(found).isEqualTo(failing.subList(0, 3));
    }
  }

  @Test
  void abort_beforeRunning_finishesNothing() throws Exception {
    ParallelRunner runner = new ParallelRunner(2, RunOptions.defaults());
    runner.abort();
    var outcomes = runner.run(jobs(4), r -> false, 0, null);
    assertThat(outcomes).hasSize(4).noneMatch(ParallelRunner.Outcome::finished);
    assertThat(runner.aborted()).isTrue();
  }
}
