package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.dsim.scenario.Limits;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code expect} object: conditions keyed by metric, in the file's order. Its keys are
 * {@link dev.dsim.scenario.Metric}'s dotted names and shorthands; the schema's definition of
 * this object is written from that enum ({@link ScalarDefinitions}), so the metrics are listed
 * once, there. Whether a key names a metric is the binder's check (with did-you-mean).
 *
 * @param conditions each metric's condition as written, in file order
 */
@JsonClassDescription("What a run must show: metric of results.json by its dotted name -> "
    + "condition. A run whose expectation fails exits 1.")
@Schema.Examples("{\"availability\": \">= 0.999\", \"lostWrites\": \"== 0\", \"latencyMs.p99\": "
    + "\"< 200\"}")
// ExpectBinder: at most Limits.EXPECTATIONS expectations (more than the metrics: a limit
// on the JSON object before its keys are checked).
@Schema.Rule("{\"maxProperties\": " + Limits.EXPECTATIONS + "}")
public record Expect(@JsonValue Map<String, Condition> conditions) {
  /** Binds the JSON object itself (a delegating creator: no wrapping object). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Expect {
    Objects.requireNonNull(conditions, "conditions");
  }
}
