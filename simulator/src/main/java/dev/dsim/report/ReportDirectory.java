package dev.dsim.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where one command's reports go, written so that a directory holds exactly one run's output:
 * everything is written into a hidden staging directory beside the target and renamed into place
 * at the end, so a reader (or a crash) never sees a half-written report, and an earlier report is
 * never silently mixed with a new one. An existing report is replaced only with {@code --force},
 * and only if it carries dsim's manifest (so {@code --force} cannot delete someone's files).
 */
public final class ReportDirectory {
  /** The manifest every report directory carries: what wrote it, and how to write it again. */
  public static final String MANIFEST = "dsim-run.json";

  private ReportDirectory() {}

  /** A directory cannot be used: the message says why, the hint what to do. */
  public static final class UnusableException extends Exception {
    private final String hint;

    UnusableException(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    public String hint() {
      return hint;
    }
  }

  /**
   * The directory chosen: {@code dir}, and a note for the user when it is not the one they might
   * expect (an earlier report kept, so this one goes next to it), or null.
   */
  public record Choice(Path dir, String note) {}

  /**
   * Chooses the directory: {@code requested} (the user's {@code --out}) if given, else
   * {@code defaultDir}. A requested directory that already holds files is an error unless
   * {@code force} (and it is a dsim report); a default one that holds an earlier report is kept,
   * and the new report goes to {@code <default>-2}, {@code -3}, … unless {@code force}.
   */
  public static Choice choose(Path requested, Path defaultDir, boolean force)
      throws UnusableException, IOException {
    if (requested != null) {
      if (isEmptyOrAbsent(requested)) {
        return new Choice(requested, null);
      }
      if (!force) {
        throw new UnusableException(requested + " already holds files",
            "add --force to replace an earlier dsim report there, or choose another --out");
      }
      requireReport(requested);
      return new Choice(requested, null);
    }
    if (isEmptyOrAbsent(defaultDir)) {
      return new Choice(defaultDir, null);
    }
    if (force) {
      requireReport(defaultDir);
      return new Choice(defaultDir, null);
    }
    for (int i = 2; ; i++) {
      Path next = defaultDir.resolveSibling(defaultDir.getFileName() + "-" + i);
      if (isEmptyOrAbsent(next)) {
        return new Choice(next, defaultDir + " holds an earlier report, kept; this one goes to "
            + next + " (--force replaces the earlier one instead)");
      }
    }
  }

  private static boolean isEmptyOrAbsent(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void requireReport(Path dir) throws UnusableException {
    if (!Files.isDirectory(dir) || !Files.isRegularFile(dir.resolve(MANIFEST))) {
      throw new UnusableException(dir + " holds files that dsim did not write (no " + MANIFEST
          + "), so --force will not delete them", "choose another --out");
    }
  }

  /** Starts writing a report for {@code target} in a hidden staging directory beside it. */
  public static Staging stage(Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp-");
    return new Staging(abs, tmp);
  }

  /** A report being written; {@link #commit} moves it into place, {@link #abandon} drops it. */
  public static final class Staging {
    private final Path target;
    private final Path tmp;
    private boolean done;

    Staging(Path target, Path tmp) {
      this.target = target;
      this.tmp = tmp;
    }

    /** Where to write the report's files now; they appear at {@link #target()} on commit. */
    public Path dir() {
      return tmp;
    }

    /** Where the report will be. */
    public Path target() {
      return target;
    }

    /** The final path of a file written at {@code staged} (for messages). */
    public Path finalPath(Path staged) {
      return target.resolve(tmp.relativize(staged.toAbsolutePath().normalize()));
    }

    /**
     * Writes the manifest and renames the staging directory into place, replacing an earlier
     * report at the target (which {@link #choose} allowed).
     */
    public void commit(String manifestJson) throws IOException {
      AtomicFiles.writeString(tmp.resolve(MANIFEST), manifestJson);
      Path old = null;
      if (Files.exists(target)) {
        old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        move(target, old);
      }
      move(tmp, target);
      done = true;
      if (old != null) {
        deleteTree(old);
      }
    }

    /** Deletes what was staged (the command failed or was interrupted before commit). */
    public void abandon() {
      if (!done) {
        try {
          deleteTree(tmp);
        } catch (IOException ignored) {
          // Best effort: the staging directory is hidden and named as such.
        }
        done = true;
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = s.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
