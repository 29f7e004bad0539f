package dev.dsim.cli;

import dev.dsim.report.FileProblem;
import dev.dsim.scenario.ProcessConstructionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code dsim}: dispatches to the subcommands and maps outcomes to exit codes. */
@Command(
    name = "dsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Deterministic simulator of distributed systems: run scenarios, see what "
        + "partial failure does, reproduce any run from its seed.",
    subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class,
        ReplayCommand.class, ValidateCommand.class, ResolveCommand.class, ShrinkCommand.class,
        ExplainCommand.class, SummaryCommand.class,
        SchemaCommand.class,
        GalleryCommand.class,
        AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit status: 0 success, 1 an expectation failed (or a sweep found failing "
        + "seeds), 2 bad input, usage or environment (a path that cannot be written), 3 an "
        + "internal error in dsim, 130 interrupted (Ctrl-C; the report of what finished is "
        + "kept).",
        "Shell completion (bash, zsh): source <(java -jar dsim.jar generate-completion)"})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: try 'dsim run scenarios/mmk-pooled-vs-split.json' or 'dsim --help'");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this without exiting). */
  public static int execute(String... args) {
    CommandLine cl = commandLine();
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return outOfMemory(cl.getErr());
    }
  }

  /**
   * The heap ran out: the run was larger than the size estimate foresaw, or the JVM was given
   * little memory. Either way the user can act on it (more heap, a smaller run), so it is exit 2
   * with a hint, not a stack trace.
   */
  static int outOfMemory(PrintWriter err) {
    err.println("error: dsim ran out of memory (this JVM may use "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
    err.println("  hint: give Java more heap (java -Xmx8g -jar ...), or run fewer nodes, keys, "
        + "seeds or a shorter duration");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // --classpath extends the thread's context class loader for one command: put it back after,
    // so commands run in-process (tests, a library user) do not leak it into each other.
    cl.setExecutionStrategy(parsed -> {
      ClassLoader saved = Thread.currentThread().getContextClassLoader();
      try {
        return new CommandLine.RunLast().execute(parsed);
      } finally {
        Thread.currentThread().setContextClassLoader(saved);
      }
    });
    // picocli hides generate-completion by default; list it so that users find it.
    cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    cl.setExecutionExceptionHandler(Main::internalError);
    cl.setParameterExceptionHandler((ex, a) -> {
      CommandLine cmd = ex.getCommandLine();
      cmd.getErr().println("error: " + ex.getMessage());
      cmd.getErr().println("  hint: see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
      return ExitCodes.BAD_INPUT;
    });
    return cl;
  }

  /**
   * A process tier's own constructor threw (at a node's start or restart, after the scenario was
   * bound): the user's code or settings, so exit 2, naming their class and what it threw.
   */
  static int userConstructorFailed(PrintWriter err, java.nio.file.Path file,
      ProcessConstructionException e) {
    err.println("error: " + (file == null ? "" : file + ": ") + e.getMessage());
    err.println("  hint: fix " + e.className() + "'s constructor or the tier's \"settings\"; "
        + "dsim builds a node's process at its start and again at every restart");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /**
   * An exception no command handled. A file-system error (a path that cannot be written, a full
   * disk, a name too long) is the user's environment: exit 2 with the path and a hint. Anything
   * else is a bug in dsim: say so, keep the stack trace in a file, not on the user's terminal.
   */
  private static int internalError(Exception ex, CommandLine cmd, CommandLine.ParseResult r) {
    if (ex instanceof ProcessConstructionException user) {
      return userConstructorFailed(cmd.getErr(), null, user);
    }
    FileProblem problem = FileProblem.of(ex);
    if (problem != null) {
      cmd.getErr().println("error: " + problem.message());
      cmd.getErr().println("  hint: " + problem.hint());
      cmd.getErr().flush();
      return ExitCodes.BAD_INPUT;
    }
    StringWriter trace = new StringWriter();
    ex.printStackTrace(new PrintWriter(trace));
    String where;
    try {
      Path file = Files.createTempFile("dsim-crash-", ".txt");
      Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
      where = "the full stack trace is in " + file;
    } catch (IOException io) {
      where = "could not save the stack trace: " + io.getMessage();
    }
    cmd.getErr().println("internal error in dsim (a bug, not your input): " + ex);
    cmd.getErr().println("  " + where + "; please report it with the command you ran");
    return ExitCodes.INTERNAL;
  }
}
