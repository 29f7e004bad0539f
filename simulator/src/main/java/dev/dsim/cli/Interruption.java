package dev.dsim.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during long work: the JVM runs shutdown hooks, so this one tells the work to stop
 * ({@code onInterrupt}) and then waits while the command writes the report of what finished,
 * which is what DESIGN.md asks ("Ctrl-C still leaves a report of what finished"). Close it when
 * the command is done, interrupted or not.
 */
final class Interruption implements AutoCloseable {
  /** How long the hook waits for the report to be written before the JVM exits anyway. */
  private static final long GRACE_SECONDS = 60;
  private final CountDownLatch written = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean interrupted;

  Interruption(Runnable onInterrupt) {
    this.hook = new Thread(() -> {
      interrupted = true;
      onInterrupt.run();
      try {
        written.await(GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "dsim-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  boolean interrupted() {
    return interrupted;
  }

  /** The report is written (or there is none to write): let the JVM exit. */
  @Override
  public void close() {
    written.countDown();
    if (!interrupted) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook is about to run and will not wait.
      }
    }
  }
}
