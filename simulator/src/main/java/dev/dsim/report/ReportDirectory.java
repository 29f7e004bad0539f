package dev.dsim.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where one command's report goes, chosen so that a directory holds exactly one report and
 * nothing a user put anywhere is ever lost:
 *
 * <ul>
 *   <li>The directory is chosen and claimed (its {@link Staging} created) under the parent's
 *       {@link DirectoryLock}, and the claim is held until the report is in place, so two
 *       commands running at once never pick the same one: the second takes
 *       {@code <default>-2}, or is refused for an {@code --out} in use.
 *   <li>The report is written into a hidden staging directory beside the target and renamed into
 *       place at the end ({@link Staging}): a reader, a crash or Ctrl-C never leaves a
 *       half-written report under the real name. A staging directory left by a killed command
 *       is removed by the next command that reserves a directory beside it.
 *   <li>An existing report is replaced only with {@code --force}, and only when every file in
 *       it is one its {@link ReportManifest} lists, unchanged since dsim wrote it; a directory
 *       with anything else in it (a user's notes, an edited file) is refused, untouched.
 *   <li>File-system errors (a read-only directory, {@code --out} under a regular file, a name
 *       too long) are the user's environment: they come back as {@link UnusableException} with
 *       the path and a hint, never as a dsim bug.
 * </ul>
 */
public final class ReportDirectory {
  /** The manifest every report directory carries: what wrote it, and how to write it again. */
  public static final String MANIFEST = ReportManifest.FILE;
  /** How far {@code <default>-N} goes before it is surely a mistake (a script in a loop). */
  static final int MAX_SUFFIX = 10_000;

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

    static UnusableException of(FileProblem p, Path target) {
      return new UnusableException("cannot write the report to " + target + ": " + p.message(),
          p.hint());
    }
  }

  /**
   * Reserves the report directory: {@code requested} (the user's {@code --out}) if given, else
   * {@code defaultDir}. A requested directory must be empty or absent, or, with {@code force},
   * hold a dsim report whose files may be replaced; a default one that holds a report is kept,
   * and the new report goes to {@code <default>-2}, {@code -3}, … unless {@code force}. The
   * reservation holds the directory until it is closed.
   */
  public static Reservation reserve(Path requested, Path defaultDir, boolean force)
      throws UnusableException {
    Path shown = requested != null ? requested : defaultDir;
    try {
      return requested != null ? reserveRequested(requested, force)
          : reserveDefault(defaultDir, force);
    } catch (IOException e) {
      FileProblem p = FileProblem.of(e);
      if (p == null) {
        p = new FileProblem("", String.valueOf(e.getMessage()),
            "check that the path is a writable directory");
      }
      throw UnusableException.of(p, shown);
    }
  }

  private static Reservation reserveRequested(Path requested, boolean force)
      throws UnusableException, IOException {
    Path target = absolute(requested);
    return DirectoryLock.holding(target.getParent(), () -> {
      Staging.cleanLeftovers(target.getParent());
      if (Files.exists(Staging.of(target))) {
        throw new UnusableException("another dsim command is writing a report to " + requested
            + " right now", "wait for it to finish, or choose another --out");
      }
      Reservation r = inspect(target, requested, force, null);
      if (r == null) {
        throw new UnusableException(requested + " already holds files",
            "add --force to replace an earlier dsim report there, or choose another --out");
      }
      return r;
    });
  }

  private static Reservation reserveDefault(Path defaultDir, boolean force)
      throws UnusableException, IOException {
    Path first = absolute(defaultDir);
    return DirectoryLock.holding(first.getParent(), () -> {
      Staging.cleanLeftovers(first.getParent());
      for (int i = 1; i <= MAX_SUFFIX; i++) {
        Path shown = i == 1 ? defaultDir
            : defaultDir.resolveSibling(defaultDir.getFileName() + "-" + i);
        Path target = i == 1 ? first : first.resolveSibling(first.getFileName() + "-" + i);
        if (Files.exists(Staging.of(target))) {
          continue; // Another command is writing there now: leave it to that one.
        }
        String note = i == 1 ? null : defaultDir + " holds an earlier report, kept; this one "
            + "goes to " + shown + " (--force replaces the earlier one instead)";
        Reservation r = inspect(target, shown, force && i == 1, note);
        if (r != null) {
          return r;
        }
      }
      throw new UnusableException(defaultDir + " and " + MAX_SUFFIX + " numbered directories "
          + "beside it all hold reports", "remove old reports, or choose --out DIR");
    });
  }

  /**
   * With the parent's lock held: a reservation (the target claimed) if {@code target} is free
   * (absent, empty) or may be replaced ({@code force} and a verified dsim report), null if it
   * holds files and no {@code force}.
   */
  private static Reservation inspect(Path target, Path shown, boolean force, String note)
      throws UnusableException, IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnusableException(shown + " is a file, not a directory",
          "choose another --out (dsim writes a directory of files)");
    }
    boolean replacing = false;
    if (!isEmptyOrAbsent(target)) {
      if (!force) {
        return null;
      }
      ReportManifest.removableFiles(target); // Throws unless all there is dsim's, unchanged.
      replacing = true;
    }
    Staging staging = Staging.claim(target, replacing);
    return staging == null ? null : new Reservation(shown, note, staging);
  }

  /** The absolute path, through any symbolic link to a directory (a link is not replaced). */
  private static Path absolute(Path p) throws IOException {
    Path abs = p.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(abs) && Files.isDirectory(abs)) {
      return abs.toRealPath();
    }
    return abs;
  }

  static boolean isEmptyOrAbsent(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  /**
   * A directory held for one report: {@link #stage()} gives the staging to write it into;
   * closing gives the directory up (abandoning a report not committed).
   */
  public static final class Reservation implements AutoCloseable {
    private final Path shown;
    private final String note;
    private final Staging staging;

    Reservation(Path shown, String note, Staging staging) {
      this.shown = shown;
      this.note = note;
      this.staging = staging;
    }

    /** The directory as the user would write it (relative when they gave it so). */
    public Path dir() {
      return shown;
    }

    /** A note for the user when this is not the directory they might expect, or null. */
    public String note() {
      return note;
    }

    /** Where to write the report (staged beside the target until it is committed). */
    public Staging stage() {
      return staging;
    }

    /** Gives the directory up; what was staged and not committed is deleted. */
    @Override
    public void close() {
      staging.abandon();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = s.sorted(java.util.Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
