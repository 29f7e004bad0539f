package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * What a fault strikes, as written: one name (a node, a tier, or {@code "random:<tier>"}) or a
 * list of names. Names are resolved by the binder ({@code TargetNames}); the schema
 * (string or list, no {@code random:} in a longer list) is {@link ScalarDefinitions}'s.
 *
 * @param names the names, one for a bare string
 */
@JsonClassDescription("What a fault strikes: a node (\"web-2\", \"client-1\", \"lb\"), a tier "
    + "(all its nodes), \"random:<tier>\" (one node drawn when the fault strikes), or a list of "
    + "nodes and tiers.")
@Schema.Examples({"\"web-2\"", "\"web\"", "\"random:web\"", "[\"db-1\", \"db-2\"]"})
public record Target(@JsonValue List<String> names) {
  /** Binds a list; a bare string binds as a list of one with ACCEPT_SINGLE_VALUE_AS_ARRAY. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Target {
    names = names.stream().filter(java.util.Objects::nonNull).toList(); // nulls: reported
  }
}
