package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dsim.run.RunOptions;
import dev.dsim.run.RunResult;
import dev.dsim.run.Runner;
import dev.dsim.world.PriceRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prices that mean something: the documented rule (a fixed part per node, cores by their
 * speed, memory), the scenario's own {@code pricing}, named {@code instanceTypes}, and the
 * currency reaching the results.
 */
final class PricingTest {
  private static Scenario bind(String top, String web) throws ScenarioException {
    return ScenarioLoader.parse("p.json", """
        {"name": "p", "duration": "10s", "clients": {"rate": 10}, %s
         "tiers": {"web": %s}}
        """.formatted(top, web)).resolve(null);
  }

  private static List<ScenarioError> errors(String top, String web) {
    try {
      bind(top, web);
      throw new AssertionError("expected errors");
    } catch (ScenarioException e) {
      return e.errors();
    }
  }

  private static double price(Scenario s) {
    return s.tiers().get("web").hardware().pricePerHour();
  }

  @Test
  void oneBigBox_andManySmallOnes_ofTheSameCores_doNotCostTheSame() throws Exception {
    double big = price(bind("", "{\"kind\": \"stateless\", \"cores\": 32, \"work\": \"1ms\"}"));
    double small = price(bind("", "{\"kind\": \"stateless\", \"cores\": 4, \"work\": \"1ms\"}"));
    // The fixed part per node is what eight machines pay eight times.
    assertThat(8 * small - big).isCloseTo(7 * PriceRule.DEFAULT.perNode(), within(1e-12));
    assertThat(big).isCloseTo(0.01 + 32 * 0.05, within(1e-12));
  }

  @Test
  void theRule_pricesSpeedAndMemory() throws Exception {
    double base = price(bind("", "{\"kind\": \"stateless\", \"cores\": 4, \"work\": \"1ms\"}"));
    double fast = price(bind("", "{\"kind\": \"stateless\", \"cores\": 4, \"speed\": 2, "
        + "\"work\": \"1ms\"}"));
    double roomy = price(bind("", "{\"kind\": \"stateless\", \"cores\": 4, \"memory\": "
        + "\"32GiB\", \"work\": \"1ms\"}"));
    assertThat(fast - base).isCloseTo(4 * 0.032, within(1e-12));
    assertThat(roomy - base).isCloseTo(16 * 0.0045, within(1e-12));
    Scenario own = bind("\"pricing\": {\"currency\": \"EUR\", \"perNode\": 0, "
        + "\"perCoreHour\": 0.1, \"perGiBHour\": 0},",
        "{\"kind\": \"stateless\", \"cores\": 4, \"work\": \"1ms\"}");
    assertThat(price(own)).isCloseTo(0.4, within(1e-12));
    assertThat(own.pricing().currency()).isEqualTo("EUR");
  }

  @Test
  void instanceTypes_giveTheirMachine_andTheRulePricesOneWithoutAPrice() throws Exception {
    String types = "\"instanceTypes\": {\"small\": {\"cores\": 2, \"memory\": \"8GiB\", "
        + "\"price\": 0.09}, \"fast\": {\"cores\": 8, \"speed\": 1.5}},";
    Hardware small = bind(types, "{\"kind\": \"stateless\", \"instance\": \"small\", "
        + "\"work\": \"1ms\"}").tiers().get("web").hardware();
    assertThat(small.cores()).isEqualTo(2);
    assertThat(small.memoryBytes()).isEqualTo(8L << 30);
    assertThat(small.pricePerHour()).isEqualTo(0.09);
    Hardware fast = bind(types, "{\"kind\": \"stateless\", \"instance\": \"fast\", "
        + "\"work\": \"1ms\"}").tiers().get("web").hardware();
    assertThat(fast.speed()).isEqualTo(1.5);
    assertThat(fast.pricePerHour()).isCloseTo(0.01 + 0.032 * 8 * 1.5 + 0.0045 * 32,
        within(1e-12));
  }

  @Test
  void anInstanceType_andTheKeysItGives_areOneSourceEach() {
    String types = "\"instanceTypes\": {\"small\": {\"cores\": 2}},";
    assertThat(errors(types, "{\"kind\": \"stateless\", \"instance\": \"small\", \"cores\": 4, "
        + "\"price\": 1, \"work\": \"1ms\"}")).extracting(ScenarioError::jsonPath)
        .containsExactly("tiers.web.cores", "tiers.web.price");
    assertThat(errors(types, "{\"kind\": \"stateless\", \"instance\": \"smal\", "
        + "\"work\": \"1ms\"}")).singleElement().satisfies(e -> {
          assertThat(e.jsonPath()).isEqualTo("tiers.web.instance");
          assertThat(e.message()).contains("no instance type \"smal\"");
          assertThat(e.hint()).isEqualTo("did you mean 'small'?");
          assertThat(e.line()).isPositive();
        });
    assertThat(errors("", "{\"kind\": \"stateless\", \"instance\": \"small\", "
        + "\"work\": \"1ms\"}")).singleElement().satisfies(e ->
            assertThat(e.hint()).contains("declare it under \"instanceTypes\""));
    assertThat(errors("\"instanceTypes\": {\"small\": {\"memory\": \"8GiB\"}},",
        "{\"kind\": \"stateless\", \"work\": \"1ms\"}")).singleElement().satisfies(e ->
            assertThat(e.jsonPath()).startsWith("instanceTypes.small"));
  }

  @Test
  void theRun_costsTheSystem_inItsCurrency_andTheClientCostsNothing() throws Exception {
    Scenario s = bind("\"pricing\": {\"currency\": \"EUR\"},",
        "{\"kind\": \"stateless\", \"nodes\": 3, \"cores\": 2, \"work\": \"1ms\"}");
    RunResult r = Runner.run(s, 1, RunOptions.defaults()).result();
    assertThat(r.cost().currency()).isEqualTo("EUR");
    double web = PriceRule.DEFAULT.price(2, 1.0);
    double lb = PriceRule.DEFAULT.price(1, 1.0);
    assertThat(r.cost().perHour()).isCloseTo(3 * web + lb, within(1e-12));
    assertThat(r.nodes()).filteredOn(n -> n.name().equals("client-1")).singleElement()
        .satisfies(n -> assertThat(n.pricePerHour()).isZero());
  }
}
