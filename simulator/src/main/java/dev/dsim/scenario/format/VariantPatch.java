package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A variant: a JSON Merge Patch (RFC 7386) of the scenario, kept as JSON because it is applied
 * to the document before binding ({@code dev.dsim.scenario.MergePatch}); the patched document is
 * what must be a {@link ScenarioDocument}.
 *
 * @param patch the patch as written
 */
@JsonClassDescription("A JSON Merge Patch of the scenario; {} for the base itself. It cannot "
    + "change the variants.")
public record VariantPatch(@JsonValue ObjectNode patch) {
  /** Binds the object itself. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public VariantPatch {
    Objects.requireNonNull(patch, "patch");
  }
}
