package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Fixed nodes or tiers, as written (no {@code "random:<tier>"}): one name or a list of names,
 * for link ends and random faults. Names are resolved by the binder ({@code TargetNames}); the
 * schema is {@link ScalarDefinitions}'s.
 *
 * @param names the names, one for a bare string
 */
@JsonClassDescription("Fixed nodes or tiers (no \"random:<tier>\"): a node (\"web-2\"), a "
    + "tier (all its nodes) or a list of them.")
@Schema.Examples({"\"web\"", "\"db-1\"", "[\"web-1\", \"web-2\"]"})
public record FixedTarget(@JsonValue List<String> names) {
  /** Binds a list; a bare string binds as a list of one with ACCEPT_SINGLE_VALUE_AS_ARRAY. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public FixedTarget {
    names = names.stream().filter(java.util.Objects::nonNull).toList(); // nulls: reported
  }
}
