package dev.dsim.fault;

import java.util.List;

/**
 * Node ids for the names faults use: a node's name, or a tier's (every node of it, in order).
 * The scenario compiler provides it; the world alone does not know tiers.
 */
@FunctionalInterface
public interface Resolver {
  /** The ids {@code name} stands for (at least one), or an exception for an unknown name. */
  List<Integer> ids(String name);
}
