package dev.dsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dsim schema}: prints the JSON Schema of the scenario format, the same file as
 * {@code scenarios/scenario.schema.json}, so editors can complete and check scenario files.
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
  static final String RESOURCE = "/dev/dsim/scenario/scenario.schema.json";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE);
      }
      out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
