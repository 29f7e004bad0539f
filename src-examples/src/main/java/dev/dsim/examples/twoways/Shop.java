package dev.dsim.examples.twoways;

import static dev.dsim.scenario.Build.at;
import static dev.dsim.scenario.Build.atLeast;
import static dev.dsim.scenario.Build.exponential;
import static dev.dsim.scenario.Build.loadBalancer;
import static dev.dsim.scenario.Build.lognormal;
import static dev.dsim.scenario.Build.minutes;
import static dev.dsim.scenario.Build.ms;
import static dev.dsim.scenario.Build.network;
import static dev.dsim.scenario.Build.openLoop;
import static dev.dsim.scenario.Build.process;
import static dev.dsim.scenario.Build.seconds;
import static dev.dsim.scenario.Build.stateless;
import static dev.dsim.scenario.Build.us;

import dev.dsim.scenario.LbPolicy;
import dev.dsim.scenario.Metric;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioBuilder;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One system written twice: once as the JSON scenario {@code shop.json} (beside this class, in
 * the resources), once in Java with the typed {@link ScenarioBuilder} ({@code Scenario.named}
 * and the factories of {@code dev.dsim.scenario.Build}). The builder writes the same JSON
 * document and binds it with the same binder, so the two give the same {@link Scenario}, and
 * therefore the same run, event for event, for the same seed. Use whichever suits: files for
 * the CLI and for sharing, code for generating many configurations or testing from JUnit.
 */
public final class Shop {
  private Shop() {}

  /** The scenario as its JSON file says it. */
  public static Scenario fromJson() throws ScenarioException, IOException {
    try (InputStream in = Shop.class.getResourceAsStream("shop.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ScenarioFile file = ScenarioLoader.parse("shop.json", text);
      return file.resolve(null);
    }
  }

  /** The same scenario in Java. */
  public static ScenarioBuilder builder() {
    return Scenario.named("shop")
        .description("A web tier calling a tier of our own Java process (CatalogServer), "
            + "behind a load balancer with health checks; one catalog node crashes for ten "
            + "seconds.")
        .seed(11).duration(minutes(1)).warmup(seconds(5))
        .network(network().latency(lognormal(us(500), ms(3))))
        .clients(openLoop(300).timeout(seconds(1)).retries(1))
        .loadBalancer(loadBalancer().policy(LbPolicy.LEAST_OUTSTANDING)
            .healthCheck(ms(250), seconds(1)))
        .tier("web", stateless().nodes(4).cores(2).work(exponential(ms(4)))
            .calls("catalog").callTimeout(ms(200)))
        .tier("catalog", process(CatalogServer.class).nodes(3).cores(2)
            .settings(Map.of("lookupMicros", 800)))
        .fault(at(seconds(20)).crash("catalog-2").restartAfter(seconds(10)))
        .expect(Metric.AVAILABILITY, atLeast(0.99));
  }

  /** The Java version, bound and validated. */
  public static Scenario fromJava() throws ScenarioException {
    return builder().build();
  }

  /** The node names both versions define, in the order the simulator numbers them. */
  public static List<String> nodes() throws ScenarioException {
    return fromJava().nodeNames();
  }
}
