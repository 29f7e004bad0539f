package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dsim.world.Context;
import dev.dsim.world.Message;
import dev.dsim.world.Process;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A process tier's settings reach its constructor as the file wrote them: JSON null as null (it
 * crashed with a NullPointerException, issue 12), keys in file order (Map.copyOf's order changed
 * from JVM to JVM), deeply unmodifiable. A constructor that throws is the user's error, naming
 * the class, not a bug in dsim.
 */
final class ProcessSettingsTest {
  /** Keeps the settings it was given. */
  public static final class Keeper implements Process {
    static Map<String, Object> last;

    public Keeper(Map<String, Object> settings) {
      last = settings;
    }

    @Override
    public void onMessage(Context ctx, Message message) {}
  }

  /** Rejects a non-positive electionTimeout, as a user's class would. */
  public static final class Picky implements Process {
    public Picky(Map<String, Object> settings) {
      Object t = settings.get("electionTimeout");
      if (!(t instanceof Number n) || n.longValue() <= 0) {
        throw new IllegalArgumentException("electionTimeout must be positive");
      }
    }

    @Override
    public void onMessage(Context ctx, Message message) {}
  }

  private static Scenario bind(String cls, String settings) throws ScenarioException {
    return ScenarioLoader.parse("p.json", """
        {"name": "p", "duration": "1s",
         "tiers": {"nodes": {"kind": "process", "class": "%s",
                             "settings": %s}}}""".formatted(cls, settings)).resolve(null);
  }

  @Test
  void nullSettings_passThroughAsNull() throws Exception {
    Scenario s = bind(Keeper.class.getName(), "{\"leader\": null, \"peers\": [1, null]}");
    Map<String, Object> settings = ((Tier.UserProcess) s.tiers().get("nodes")).process().settings();
    assertThat(settings).containsEntry("leader", null);
    @SuppressWarnings("unchecked")
    List<Object> peers = (List<Object>) settings.get("peers");
    assertThat(peers).containsExactly(1L, null);
  }

  @Test
  void settings_keepTheFileOrder_andAreDeeplyUnmodifiable() throws Exception {
    List<String> keys = new ArrayList<>();
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 50; i++) {
      String k = "k" + ((i * 37) % 50);
      keys.add(k);
      json.append(i == 0 ? "" : ", ").append('"').append(k).append("\": ").append(i);
    }
    json.append(", \"nested\": {\"z\": 1, \"a\": {\"m\": [1.5, {\"q\": true}]}}}");
    Scenario s = bind(Keeper.class.getName(), json.toString());
    ((Tier.UserProcess) s.tiers().get("nodes")).process().instantiate();
    Map<String, Object> settings = Keeper.last;
    keys.add("nested");
    assertThat(settings.keySet()).containsExactlyElementsOf(keys);
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) settings.get("nested");
    assertThat(nested.keySet()).containsExactly("z", "a");
    assertThatThrownBy(() -> settings.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> nested.remove("z"))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> m = (List<Object>) ((Map<String, Object>) nested.get("a")).get("m");
    assertThat(m.get(0)).isEqualTo(new BigDecimal("1.5"));
    assertThatThrownBy(() -> m.add(2)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> q = (Map<String, Object>) m.get(1);
    assertThatThrownBy(() -> q.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aThrowingConstructor_isAProcessConstructionExceptionNamingTheClass() {
    ProcessSpec spec = new ProcessSpec(Picky.class, Map.of());
    ProcessConstructionException e = catchThrowableOfType(spec::instantiate,
        ProcessConstructionException.class);
    assertThat(e.className()).isEqualTo(Picky.class.getName());
    assertThat(e.tier()).isNull();
    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.getMessage()).isEqualTo(Picky.class.getName() + "'s constructor threw "
        + "IllegalArgumentException: electionTimeout must be positive");
    assertThat(e.inTier("leaders").tier()).isEqualTo("leaders");
  }

  @Test
  void aThrowingConstructor_isALocatedErrorWhenBound() {
    ScenarioException e = catchThrowableOfType(
        () -> bind(Picky.class.getName(), "{\"electionTimeout\": -5}"), ScenarioException.class);
    assertThat(e.errors()).singleElement().satisfies(err -> {
      assertThat(err.jsonPath()).isEqualTo("tiers.nodes.settings");
      assertThat(err.line()).isEqualTo(3);
      assertThat(err.message()).contains(Picky.class.getName() + "'s constructor threw "
          + "IllegalArgumentException: electionTimeout must be positive", "tier nodes");
    });
  }

  @Test
  void aConstructorThatThrowsOnlyInARun_isNamedWithItsTier() throws Exception {
    Scenario s = bind(Picky.class.getName(), "{\"electionTimeout\": 5}");
    // A spec built in code with other settings: the compiled node factory names the tier.
    Tier t = s.tiers().get("nodes");
    ProcessSpec bad = new ProcessSpec(Picky.class, Map.of());
    Tier broken = new Tier.UserProcess(t.name(), t.nodes(), t.hardware(), bad);
    Scenario withBad = new Scenario(s.name(), s.description(), s.seed(), s.durationNanos(),
        s.warmupNanos(), s.network(), s.clients(), s.loadBalancer(), s.pricing(),
        Map.of("nodes", broken),
        s.faults(), s.expect(), null);
    dev.dsim.engine.Simulation sim = new dev.dsim.engine.Simulation(1);
    CompiledSystem system = ScenarioCompiler.compile(withBad, sim, () -> {});
    ProcessConstructionException e = catchThrowableOfType(() -> system.world().start(),
        ProcessConstructionException.class);
    assertThat(e.tier()).isEqualTo("nodes");
    assertThat(e.className()).isEqualTo(Picky.class.getName());
  }
}
