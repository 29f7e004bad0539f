package dev.dsim.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Ctrl-C (SIGINT) and a polite kill (SIGTERM: a CI timeout, {@code kill}) during a command: the
 * first one tells the work to stop ({@code onInterrupt}) and lets the command go on to write the
 * report of what finished, mark it interrupted and exit with {@link ExitCodes#INTERRUPTED}; a
 * second one quits at once.
 *
 * <p>Why signal handlers and not a shutdown hook: once the JVM is shutting down it refuses new
 * shutdown hooks, and drawing a chart (AWT fonts) registers one, so a report written from a hook
 * crashed with "Shutdown in progress". A handler only raises a flag; the command itself runs on
 * normally. The handlers are {@code sun.misc.Signal}, reached by reflection so that a JVM without
 * it falls back to a shutdown hook that still stops the runs (without a report). A process whose
 * SIGINT is ignored (a background job of a non-interactive shell) keeps ignoring it.
 *
 * <p>One handler serves the whole process, installed with the first command and kept: a signal
 * stops every command running then; with none running, it exits the way the JVM's own handler
 * does. (Installing and restoring handlers per command would go wrong when commands overlap, as
 * they do when tests run them in-process at once.)
 */
final class Interruption implements AutoCloseable {
  private static final List<String> SIGNALS = List.of("INT", "TERM");
  /** The commands running now (one from the CLI; several when tests run commands at once). */
  private static final List<Interruption> ACTIVE = new ArrayList<>();
  /** 0: not tried yet; 1: handlers installed; -1: unavailable, shutdown hooks instead. */
  private static int installed;

  private final Runnable onInterrupt;
  private final PrintWriter err;
  private Thread fallbackHook;
  private volatile boolean interrupted;

  /**
   * Watches for the signals until {@link #close()}.
   *
   * @param onInterrupt stops the work (abandons runs); called once, from the signal's thread
   * @param err where to say that the command is stopping
   */
  Interruption(Runnable onInterrupt, PrintWriter err) {
    this.onInterrupt = onInterrupt;
    this.err = err;
    synchronized (ACTIVE) {
      if (installed == 0) {
        installed = installSignalHandlers() ? 1 : -1;
      }
      ACTIVE.add(this);
    }
    if (installed < 0) {
      fallbackHook = new Thread(this::interrupt, "dsim-interrupt");
      Runtime.getRuntime().addShutdownHook(fallbackHook);
    }
  }

  /** True once a signal asked the command to stop. */
  boolean interrupted() {
    return interrupted;
  }

  /** What a signal does to this command; also how a test interrupts a command in-process. */
  void interrupt() {
    if (interrupted) {
      err.println();
      err.println("interrupted again: quitting without writing the report");
      err.flush();
      Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
    }
    interrupted = true;
    err.println();
    err.println("interrupted: stopping the runs in progress and writing the report of those "
        + "that finished (Ctrl-C again quits at once)");
    err.flush();
    onInterrupt.run();
  }

  /** The command is done: signals no longer concern it. */
  @Override
  public void close() {
    synchronized (ACTIVE) {
      ACTIVE.remove(this);
    }
    if (fallbackHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(fallbackHook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting already; the hook runs and only stops the runs.
      }
      fallbackHook = null;
    }
  }

  /**
   * A signal arrived: every running command stops; with none running, the process exits as the
   * JVM's own handler would (128 + the signal's number).
   */
  private static void onSignal(int number) {
    List<Interruption> now;
    synchronized (ACTIVE) {
      now = new ArrayList<>(ACTIVE);
    }
    if (now.isEmpty()) {
      System.exit(128 + number);
    }
    now.forEach(Interruption::interrupt);
  }

  /** Installs one process-wide handler for SIGINT and SIGTERM; false where none can be. */
  private static boolean installSignalHandlers() {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Method number = signal.getMethod("getNumber");
      InvocationHandler onSignal = (proxy, method, args) -> {
        if (method.getName().equals("handle")) {
          onSignal((Integer) number.invoke(args[0]));
          return null;
        }
        return objectMethod(proxy, method, args);
      };
      Object handler = Proxy.newProxyInstance(Interruption.class.getClassLoader(),
          new Class<?>[] {handlerType}, onSignal);
      Method handle = signal.getMethod("handle", signal, handlerType);
      for (String name : SIGNALS) {
        handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
      return false;
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return "dsim interrupt handler";
    }
  }
}
