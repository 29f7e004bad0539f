package dev.dsim.report;

import dev.dsim.run.DrawnFaults;
import dev.dsim.run.RunResult;
import dev.dsim.scenario.Scenario;
import dev.dsim.scenario.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code scenario.resolved.json}: the scenario a failing run ran, as a file of its own, written
 * beside its {@code results.json}. The variant's patch and every {@code --set} are applied,
 * every default is written out ({@link ScenarioWriter.Style#EXPLICIT}), and the seed is the
 * run's: {@code dsim run scenario.resolved.json} runs the same scenario with the same seed, so
 * it gives the same trace hash, without the original file, its variants or the command line.
 * What the random nemesis drew in the run is listed under {@code faults.drawn} (each fault as
 * it struck: time, nodes, how long), for reading: it is not injected, so the hash stays.
 */
public final class ResolvedScenario {
  /** The file's name, beside results.json. */
  public static final String FILE = "scenario.resolved.json";

  private ResolvedScenario() {}

  /**
   * The scenario {@code s} as run with {@code seed}: the variant resolved, the seed its own,
   * and the faults its nemeses drew in {@code run} listed.
   */
  public static String text(Scenario s, long seed, RunResult run) {
    return ScenarioWriter.write(s.withSeed(seed).withoutVariant(), ScenarioWriter.Style.EXPLICIT,
        DrawnFaults.of(run));
  }

  /**
   * Writes the scenario beside a replay's trace ({@code x.jsonl} → {@code x.resolved.json});
   * without {@code replace}, a file already there stays as it is and this throws
   * {@link java.nio.file.FileAlreadyExistsException}.
   */
  public static Path writeBeside(Path trace, Scenario s, long seed, RunResult run,
      boolean replace) throws IOException {
    String name = trace.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path file = trace.resolveSibling((dot > 0 ? name.substring(0, dot) : name)
        + ".resolved.json");
    Path tmp = AtomicFiles.newTempFile(file);
    try {
      java.nio.file.Files.writeString(tmp, text(s, seed, run));
      if (replace) {
        AtomicFiles.moveIntoPlace(tmp, file);
      } else if (!AtomicFiles.moveIfAbsent(tmp, file)) {
        throw new java.nio.file.FileAlreadyExistsException(file.toString(), null,
            "dsim did not write it; it was left as it is");
      }
    } finally {
      java.nio.file.Files.deleteIfExists(tmp);
    }
    return file;
  }

  /** Writes {@link #FILE} in {@code dir} (a staging directory's run directory). */
  public static Path write(Path dir, Scenario s, long seed, RunResult run) throws IOException {
    Path file = dir.resolve(FILE);
    AtomicFiles.writeString(file, text(s, seed, run));
    return file;
  }
}
