package dev.dsim.cli;

import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioException;
import dev.dsim.scenario.ScenarioFile;
import dev.dsim.scenario.ScenarioLoader;
import dev.dsim.scenario.ScenarioWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dsim resolve FILE [--variant V] [--set P=V] [--explicit]}: prints the scenario one
 * variant of a file runs, with the variant and the overrides applied, as a scenario file of its
 * own ({@link ScenarioWriter}). Running the printed file runs the same scenario: the same trace
 * hash for the same seed. It answers "what does this variant change?" (diff two resolved
 * variants) and "what did dsim fill in?" ({@code --explicit} writes every default).
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print the scenario a variant runs, as a file of its own.",
      "The variant and every --set are applied and the result is printed as scenario JSON "
          + "with no variants: running it gives the same trace hash as running the variant. "
          + "With --explicit every setting is written, defaults included.",
      "Exit status: 0 printed, 2 bad input."
    })
final class ResolveCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A scenario JSON file.")
  Path file;

  @Option(names = "--variant", paramLabel = "NAME",
      description = "The variant to resolve (default: the base scenario).")
  String variant;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Apply this override first, as run would (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--explicit",
      description = "Write every setting, the defaults dsim fills in included.")
  boolean explicit;

  @Option(names = "--classpath", paramLabel = "PATH", split = "${sys:path.separator}",
      description = Classpath.DESCRIPTION)
  List<Path> classpath = new ArrayList<>();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    String problem = Classpath.install(classpath);
    if (problem != null) {
      return ScenarioOptions.usageError(err, problem,
          "give the directory your classes compile to (target/classes) or a jar");
    }
    Scenario scenario;
    try {
      ScenarioFile loaded = ScenarioLoader.load(file,
          dev.dsim.scenario.ScenarioOverride.parseAll(sets));
      if (variant != null && !"base".equals(variant)
          && !loaded.variantNames().contains(variant)) {
        return ScenarioOptions.usageError(err, file + " has no variant '" + variant + "'",
            loaded.variantNames().isEmpty() ? "this file has no variants"
                : "variants: " + String.join(", ", loaded.variantNames()));
      }
      scenario = loaded.resolve("base".equals(variant) ? null : variant);
    } catch (ScenarioException e) {
      ErrorPrinter.print(err, e);
      return ExitCodes.BAD_INPUT;
    }
    out.print(ScenarioWriter.write(scenario, explicit ? ScenarioWriter.Style.EXPLICIT
        : ScenarioWriter.Style.CONCISE));
    out.flush();
    return ExitCodes.OK;
  }
}
