package dev.dsim.cli;

import dev.dsim.report.ReportManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ReportManifest} of a command's report: this dsim's version, the command, the
 * scenario files, and the command line that writes the report again.
 */
final class Manifest {
  private Manifest() {}

  /** A report that covers all the command planned. */
  static ReportManifest complete(String command, List<String> arguments, List<Path> files) {
    return of(command, arguments, files, true, false);
  }

  static ReportManifest of(String command, List<String> arguments, List<Path> files,
      boolean complete, boolean interrupted) {
    List<String> names = new ArrayList<>();
    files.forEach(f -> names.add(f.toString()));
    return new ReportManifest(VersionProvider.version(), command, complete, interrupted, names,
        Reproduce.command(arguments));
  }
}
