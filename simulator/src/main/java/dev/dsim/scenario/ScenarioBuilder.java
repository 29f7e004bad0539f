package dev.dsim.scenario;

import java.util.Objects;

/**
 * A scenario written in Java, typed ({@link Scenario#named}, with the factories of
 * {@link Build}): the builder writes the very JSON document a scenario file would hold and
 * {@link #build} binds it with the same binder ({@link ScenarioLoader}), so the two are one
 * model: the same records, the same validation, errors located by the same JSON paths.
 *
 * <pre>{@code
 * import static dev.dsim.scenario.Build.*;
 *
 * Scenario s = Scenario.named("web-kv").seed(42).duration(minutes(2)).warmup(seconds(10))
 *     .clients(openLoop(2000).reads(0.9).keys(10_000).timeout(seconds(2)).retries(1))
 *     .loadBalancer(loadBalancer().policy(LbPolicy.LEAST_OUTSTANDING)
 *         .healthCheck(seconds(1), seconds(3)))
 *     .tier("web", stateless().nodes(8).cores(4).work(exponential(ms(8))).calls("db"))
 *     .tier("db", kv().nodes(3).replication(3).quorums(2, 2))
 *     .fault(at(seconds(30)).crash("web-2").restartAfter(seconds(30)))
 *     .expect(Metric.AVAILABILITY, atLeast(0.99))
 *     .build();
 * }</pre>
 *
 * <p>Nothing is checked before {@link #build}: {@code nodes(0)} is reported there as
 * {@code at tiers.web.nodes: expected a whole number >= 1}, exactly as in a file. The only
 * untyped parts are what the format leaves to the user: a process tier's {@code settings}, and
 * {@link Build#process(String)} for a class that is not on the compile-time classpath.
 */
public final class ScenarioBuilder extends ScenarioSections<ScenarioBuilder> {
  ScenarioBuilder(String name) {
    super(false);
    root.put("name", Objects.requireNonNull(name, "name"));
  }

  /**
   * A named variant, as a merge patch of this scenario ({@link Build#patch()}); variants are
   * kept in the order added and each is validated by {@link #buildFile}.
   */
  public ScenarioBuilder variant(String name, ScenarioPatch patch) {
    BuilderJson.child(root, "variants").set(Objects.requireNonNull(name, "name"),
        patch.root.deepCopy());
    return this;
  }

  /** The scenario as JSON text: what a file holding it would say. */
  public String toJson() {
    return BuilderJson.toText(root);
  }

  /** Binds and validates it, with every variant; errors are located by JSON path. */
  public ScenarioFile buildFile() throws ScenarioException {
    return ScenarioLoader.parse("<" + root.path("name").asText("scenario") + " built in code>",
        toJson());
  }

  /** The base scenario (no variant), bound and validated (with its variants). */
  public Scenario build() throws ScenarioException {
    return buildFile().resolve(null);
  }

  /** One variant ({@code null}: the base), bound and validated (with the others). */
  public Scenario build(String variant) throws ScenarioException {
    return buildFile().resolve(variant);
  }
}
