package dev.dsim.examples.twoways;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioBuilder;
import dev.dsim.scenario.ScenarioBuilder.Dist;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One system written twice: once as the JSON scenario {@code shop.json} (beside this class, in
 * the resources), once in Java with {@link ScenarioBuilder}. The builder writes the same JSON
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
    return ScenarioBuilder.scenario("shop")
        .description("A web tier calling a tier of our own Java process (CatalogServer), "
            + "behind a load balancer with health checks; one catalog node crashes for ten "
            + "seconds.")
        .seed(11).duration("60s").warmup("5s")
        .network(n -> n.latency(Dist.lognormal("0.5ms", "3ms")))
        .clients(c -> c.rate(300).timeout("1s").retries(1))
        .loadBalancer(lb -> lb.policy("least-outstanding").healthCheck("250ms", "1s"))
        .tier("web", t -> t.kind("stateless").nodes(4).cores(2)
            .work(Dist.exponential("4ms")).set("calls", "catalog").set("callTimeout", "200ms"))
        .tier("catalog", t -> t.kind("process").nodes(3).cores(2)
            .processClass(CatalogServer.class)
            .set("settings", ScenarioBuilder.ordered("lookupMicros", 800)))
        .fault(f -> f.at("20s").crash("catalog-2", "10s"))
        .expect("availability", ">= 0.99");
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
