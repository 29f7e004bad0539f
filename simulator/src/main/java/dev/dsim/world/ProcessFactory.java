package dev.dsim.world;

/** Creates the process of a node; called at start and again on every restart. */
@FunctionalInterface
public interface ProcessFactory {
  Process create(Node node);
}
