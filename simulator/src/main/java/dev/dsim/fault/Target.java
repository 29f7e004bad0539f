package dev.dsim.fault;

import java.util.List;

/**
 * Which nodes a fault hits, by name as the scenario wrote them: node names ({@code "web-2"}) and
 * tier names ({@code "web"}, every node of the tier). A {@link FaultInjector} resolves the names
 * through its {@link Resolver} when the fault strikes.
 */
public sealed interface Target extends java.io.Serializable {
  /** The names, in the order written. */
  List<String> names();

  /** What the user wrote, for messages: {@code web-1,web-2} or {@code random:web}. */
  String label();

  /**
   * The target of a list of names as a scenario writes it: one {@code "random:<tier>"} is one
   * node of the tier drawn at each strike; anything else is every node named.
   */
  static Target of(List<String> names) {
    if (names.size() == 1 && names.get(0).startsWith(OneOf.PREFIX)) {
      return new OneOf(List.of(names.get(0).substring(OneOf.PREFIX.length())));
    }
    return new All(names);
  }

  /** Every node the names name (each once, in order). */
  record All(List<String> names) implements Target {
    public All {
      names = List.copyOf(names);
      if (names.isEmpty()) {
        throw new IllegalArgumentException("a target needs at least one name");
      }
    }

    @Override
    public String label() {
      return String.join(",", names);
    }
  }

  /** One of the nodes the names name, drawn uniformly from the fault's stream at each strike. */
  record OneOf(List<String> names) implements Target {
    static final String PREFIX = "random:";

    public OneOf {
      names = List.copyOf(names);
      if (names.isEmpty()) {
        throw new IllegalArgumentException("a random target needs at least one name");
      }
    }

    @Override
    public String label() {
      return PREFIX + String.join(",", names);
    }
  }
}
