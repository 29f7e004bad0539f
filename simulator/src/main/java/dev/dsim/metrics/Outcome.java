package dev.dsim.metrics;

/** How a client request ended. */
public enum Outcome {
  /** A successful reply reached the client in time. */
  OK,
  /** An error reply reached the client (e.g. no backend available). */
  FAILED,
  /** No reply before the client's timeout. */
  TIMED_OUT,
  /** Still unanswered when the run ended (only without a client timeout). */
  UNFINISHED
}
