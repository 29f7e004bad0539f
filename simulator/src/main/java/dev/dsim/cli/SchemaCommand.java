package dev.dsim.cli;

import dev.dsim.scenario.format.SchemaWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dsim schema}: prints the JSON Schema of the scenario format, generated from the document
 * model ({@code dev.dsim.scenario.format}); {@code scenarios/scenario.schema.json} is this output
 * (ScenarioSchemaTest checks it), so editors can complete and check scenario files.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print the JSON Schema of the scenario format (draft 2020-12).",
      "Point an editor at it with \"$schema\" in a scenario file, as the shipped scenarios do: "
          + "\"$schema\": \"./scenario.schema.json\"."
    })
final class SchemaCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(new SchemaWriter().text());
    out.flush();
    return ExitCodes.OK;
  }
}
