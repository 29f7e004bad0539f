package dev.dsim.cli;

/** The process exit codes every dsim command shares (a contract: scripts and CI rely on them). */
final class ExitCodes {
  static final int OK = 0;
  /** A run failed: an expectation, an invariant, or a limit such as the event bound. */
  static final int RUN_FAILED = 1;
  /**
   * Bad input, usage or environment (a path that cannot be written, a disk full, a name too
   * long, a process tier's constructor that throws): the user can fix it.
   */
  static final int BAD_INPUT = 2;
  /** A bug in dsim. */
  static final int INTERNAL = 3;
  /** Ctrl-C or SIGTERM: the work stopped early; a report of what finished is kept. */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
