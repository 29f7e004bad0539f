package dev.dsim.world;

/**
 * Implemented by payloads that want more than their type in the trace fingerprint, e.g. a
 * request id, so that two runs delivering different requests in the same pattern still differ.
 */
public interface TraceSummary {
  /** A deterministic summary of the payload's content. */
  long traceSummary();
}
