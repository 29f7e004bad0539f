package dev.dsim.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A report being written, and the claim on its directory: files go into a hidden directory
 * beside the target ({@code .<name>.dsim-staging/report/}), which {@link #commit} renames into
 * place whole. The staging directory is created (exclusively) when the directory is reserved,
 * so it is also the sign that a command is writing that report; beside the files it holds a
 * {@code lock} file that its command keeps locked until it is done. A staging directory whose
 * lock nobody holds was left by a command that died ({@code kill -9}, a power cut): the next
 * command that reserves a directory beside it removes it.
 *
 * <p>Every step that creates, renames or removes a staging directory or a report holds the
 * parent's {@link DirectoryLock}, so no two commands ever act on the same names at once.
 *
 * <p>Replacing an earlier report ({@code --force}) renames the earlier one aside
 * ({@code .<name>.dsim-old}), renames the new one into place, then deletes the earlier one's
 * files that its manifest lists and vouches for. A command killed between those renames leaves
 * the earlier report aside; the next command that looks there puts it back (if nothing took its
 * place) or finishes deleting it.
 */
public final class Staging {
  private static final String STAGING = ".dsim-staging";
  private static final String OLD = ".dsim-old";
  /** Staging directories this JVM holds: never opened by its own cleaning (see DirectoryLock). */
  private static final Set<Path> OWNED = new HashSet<>();

  private Path target;
  private final Path staging;
  private final Path report;
  private final boolean replacing;
  private FileChannel channel;
  private FileLock lock;
  private String note;
  private boolean done;

  private Staging(Path target, Path staging, boolean replacing, FileChannel channel,
      FileLock lock) {
    this.target = target;
    this.staging = staging;
    this.report = staging.resolve("report");
    this.replacing = replacing;
    this.channel = channel;
    this.lock = lock;
  }

  /** The hidden staging directory of {@code target}. */
  static Path of(Path target) {
    return sibling(target, STAGING);
  }

  /**
   * Claims {@code target} by creating its staging directory; null when another command has
   * (its staging directory exists). The caller holds the parent's {@link DirectoryLock} and has
   * just removed what dead commands left ({@link #cleanLeftovers}).
   */
  static Staging claim(Path target, boolean replacing) throws IOException {
    Path dir = of(target);
    try {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException taken) {
      return null;
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      FileLock l = ch.tryLock();
      if (l == null) {
        throw new IOException("cannot lock " + dir.resolve("lock"));
      }
      Staging s = new Staging(target, dir, replacing, ch, l);
      Files.createDirectory(s.report);
      OWNED.add(dir);
      return s;
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      ReportDirectory.deleteTree(dir);
      throw e;
    }
  }

  private static Path sibling(Path target, String suffix) {
    return target.resolveSibling("." + target.getFileName() + suffix);
  }

  /** Where to write the report's files now; they appear at {@link #target()} on commit. */
  public Path dir() {
    return report;
  }

  /** Where the report will be (after {@link #commit}: where it is). */
  public Path target() {
    return target;
  }

  /**
   * After {@link #commit}: why the report is not where it was meant to go (the earlier report
   * it was to replace changed meanwhile), or null.
   */
  public String note() {
    return note;
  }

  /** The final path of a file written at {@code staged} (for messages, after commit). */
  public Path finalPath(Path staged) {
    return target.resolve(report.relativize(staged.toAbsolutePath().normalize()));
  }

  /**
   * Writes the manifest (listing every file staged) and renames the report into place. An
   * earlier report to replace is checked again first: if a user changed or added a file in it
   * while this command ran, it is left alone and the new report goes to the first free
   * {@code <name>-N} beside it instead ({@link #note()} says so).
   */
  public void commit(ReportManifest manifest) throws IOException {
    if (done) {
      throw new IllegalStateException("already committed or abandoned");
    }
    AtomicFiles.writeString(report.resolve(ReportManifest.FILE), manifest.json(report));
    try {
      DirectoryLock.holding(target.getParent(), () -> {
        moveIntoPlace();
        release();
        return null;
      });
    } catch (ReportDirectory.UnusableException e) {
      throw new IOException(e.getMessage() + "; the report is kept in " + report, e);
    }
  }

  private void moveIntoPlace() throws IOException {
    if (!replacing) {
      moveOntoAbsentOrEmpty(report, target);
      return;
    }
    List<Path> earlier;
    try {
      earlier = ReportManifest.removableFiles(target);
    } catch (ReportDirectory.UnusableException changed) {
      landBeside(changed.getMessage());
      return;
    }
    Path old = sibling(target, OLD);
    ReportDirectory.deleteTree(old);
    move(target, old);
    move(report, target);
    deleteListed(old, rebase(earlier, target, old));
  }

  /** Moves the report to the first free {@code <target>-N} (the parent's lock is held). */
  private void landBeside(String why) throws IOException {
    for (int i = 2; i <= ReportDirectory.MAX_SUFFIX; i++) {
      Path candidate = target.resolveSibling(target.getFileName() + "-" + i);
      if (!Files.exists(of(candidate)) && ReportDirectory.isEmptyOrAbsent(candidate)) {
        moveOntoAbsentOrEmpty(report, candidate);
        note = why + "; the earlier report was left as it is and this one went to "
            + candidate;
        target = candidate;
        return;
      }
    }
    throw new IOException("no free directory beside " + target + " for the report");
  }

  /** Deletes what was staged (the command failed or was interrupted before commit). */
  public void abandon() {
    if (done) {
      return;
    }
    try {
      DirectoryLock.holding(target.getParent(), () -> {
        release();
        return null;
      });
    } catch (IOException | ReportDirectory.UnusableException e) {
      // Best effort: the staging directory is hidden, and the next command removes it.
      done = true;
    }
  }

  /** Removes the staging directory and gives the claim up (the parent's lock is held). */
  private void release() throws IOException {
    try {
      ReportDirectory.deleteTree(staging);
    } finally {
      done = true;
      OWNED.remove(staging);
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  /**
   * Removes what dead commands left in {@code parent}: staging directories whose lock no one
   * holds, and earlier reports set aside by a {@code --force} (put back where nothing took their
   * place). The caller holds {@code parent}'s {@link DirectoryLock}.
   */
  static void cleanLeftovers(Path parent) throws IOException {
    if (!Files.isDirectory(parent)) {
      return;
    }
    List<Path> stagings = new ArrayList<>();
    List<Path> olds = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, ".*")) {
      for (Path p : s) {
        if (targetOf(p, STAGING) != null) {
          stagings.add(p);
        } else if (targetOf(p, OLD) != null) {
          olds.add(p);
        }
      }
    }
    for (Path p : stagings) {
      if (!OWNED.contains(p) && isStale(p)) {
        ReportDirectory.deleteTree(p);
      }
    }
    for (Path old : olds) {
      Path t = targetOf(old, OLD);
      if (!Files.exists(of(t))) {
        restoreOrDelete(old, t);
      }
    }
  }

  /** Whether no live command holds the staging directory {@code p} (its lock is free). */
  private static boolean isStale(Path p) throws IOException {
    Path lockFile = p.resolve("lock");
    if (!Files.exists(lockFile)) {
      return true; // Claims are made under the parent's lock: one without a lock file died.
    }
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return false;
      }
      l.release();
      return true;
    }
  }

  /** The report directory a hidden leftover named {@code .<name><suffix>} belongs to, or null. */
  private static Path targetOf(Path p, String suffix) {
    String n = p.getFileName().toString();
    if (n.startsWith(".") && n.endsWith(suffix) && n.length() > suffix.length() + 1
        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      return p.resolveSibling(n.substring(1, n.length() - suffix.length()));
    }
    return null;
  }

  /** An earlier report set aside by a killed {@code --force}: back in place, or deleted. */
  private static void restoreOrDelete(Path old, Path t) throws IOException {
    if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
      move(old, t); // Killed between the two renames: the earlier report goes back.
      return;
    }
    try {
      deleteListed(old, ReportManifest.removableFiles(old));
    } catch (ReportDirectory.UnusableException notVouchedFor) {
      // Not dsim's to delete: leave it where it is.
    }
  }

  /** Deletes {@code files}, then every directory under {@code dir} (and it) left empty. */
  private static void deleteListed(Path dir, List<Path> files) throws IOException {
    for (Path f : files) {
      Files.deleteIfExists(f);
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(dir)) {
      dirs = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .sorted(Comparator.reverseOrder()).toList();
    }
    for (Path d : dirs) {
      try {
        Files.deleteIfExists(d);
      } catch (DirectoryNotEmptyException kept) {
        // Something not listed is inside: it stays.
      }
    }
  }

  private static List<Path> rebase(List<Path> files, Path from, Path to) {
    List<Path> list = new ArrayList<>();
    for (Path f : files) {
      list.add(to.resolve(from.relativize(f)));
    }
    return list;
  }

  /** Renames {@code from} to {@code to}, which is absent or an empty directory. */
  private static void moveOntoAbsentOrEmpty(Path from, Path to) throws IOException {
    try {
      move(from, to);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      if (!ReportDirectory.isEmptyOrAbsent(to)) {
        throw e;
      }
      Files.deleteIfExists(to); // An empty directory the user made for the report.
      move(from, to);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }
}
