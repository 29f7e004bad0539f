package dev.dsim.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A report being written: files go into a hidden directory beside the target
 * ({@code .<name>.dsim-staging}), which {@link #commit} renames into place whole. Only the holder
 * of the target's {@link DirectoryLock} creates or touches it, so its name needs no randomness,
 * and one found while holding the lock was left by a command that died: it is removed.
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

  private Path target;
  private final Path tmp;
  private final boolean replacing;
  private String note;
  private boolean done;

  private Staging(Path target, Path tmp, boolean replacing) {
    this.target = target;
    this.tmp = tmp;
    this.replacing = replacing;
  }

  static Staging create(Path target, boolean replacing) throws IOException {
    Path tmp = sibling(target, STAGING);
    ReportDirectory.deleteTree(tmp); // A dead command's; the caller holds the lock.
    Files.createDirectories(tmp);
    return new Staging(target, tmp, replacing);
  }

  private static Path sibling(Path target, String suffix) {
    return target.resolveSibling("." + target.getFileName() + suffix);
  }

  /** Where to write the report's files now; they appear at {@link #target()} on commit. */
  public Path dir() {
    return tmp;
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
    return target.resolve(tmp.relativize(staged.toAbsolutePath().normalize()));
  }

  /**
   * Writes the manifest (listing every file staged) and renames the staging directory into
   * place. An earlier report to replace is checked again first: if a user changed or added a
   * file in it while this command ran, it is left alone and the new report goes to the first
   * free {@code <name>-N} beside it instead ({@link #note()} says so).
   */
  public void commit(ReportManifest manifest) throws IOException {
    if (done) {
      throw new IllegalStateException("already committed or abandoned");
    }
    AtomicFiles.writeString(tmp.resolve(ReportManifest.FILE), manifest.json(tmp));
    if (!replacing) {
      moveOntoAbsentOrEmpty(tmp, target);
    } else {
      List<Path> earlier;
      try {
        earlier = ReportManifest.removableFiles(target);
      } catch (ReportDirectory.UnusableException changed) {
        landBeside(changed.getMessage());
        done = true;
        return;
      }
      Path old = sibling(target, OLD);
      ReportDirectory.deleteTree(old);
      move(target, old);
      move(tmp, target);
      deleteListed(old, rebase(earlier, target, old));
    }
    done = true;
  }

  /** Moves the staged report to the first free {@code <target>-N}, claimed like any report. */
  private void landBeside(String why) throws IOException {
    for (int i = 2; i <= ReportDirectory.MAX_SUFFIX; i++) {
      Path candidate = target.resolveSibling(target.getFileName() + "-" + i);
      DirectoryLock lock = DirectoryLock.tryAcquire(candidate);
      if (lock == null) {
        continue;
      }
      try {
        if (ReportDirectory.isEmptyOrAbsent(candidate)) {
          moveOntoAbsentOrEmpty(tmp, candidate);
          note = why + "; the earlier report was left as it is and this one went to "
              + candidate;
          target = candidate;
          return;
        }
      } finally {
        lock.close();
      }
    }
    throw new IOException("no free directory beside " + target + " for the report");
  }

  /** Deletes what was staged (the command failed or was interrupted before commit). */
  public void abandon() {
    if (!done) {
      try {
        ReportDirectory.deleteTree(tmp);
      } catch (IOException ignored) {
        // Best effort: the staging directory is hidden, and the next command removes it.
      }
      done = true;
    }
  }

  /**
   * Removes what killed commands left beside {@code target} and its siblings: staging
   * directories, lock files, and earlier reports set aside by a {@code --force} (put back where
   * nothing took their place). Only entries whose directory no live command holds are touched;
   * {@code ownTarget}'s lock is held by the caller.
   */
  static void cleanLeftovers(Path parent, Path ownTarget) throws IOException {
    if (!Files.isDirectory(parent)) {
      return;
    }
    List<Path> targets = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, ".*")) {
      for (Path p : s) {
        Path t = leftoverTarget(p);
        if (t != null && !targets.contains(t)) {
          targets.add(t);
        }
      }
    }
    for (Path t : targets) {
      if (t.equals(ownTarget)) {
        tidy(t);
        continue;
      }
      DirectoryLock lock = DirectoryLock.tryAcquire(t);
      if (lock != null) {
        try {
          tidy(t);
        } finally {
          lock.close();
        }
      }
    }
  }

  /** The report directory a hidden leftover belongs to, or null if {@code p} is none. */
  private static Path leftoverTarget(Path p) {
    String n = p.getFileName().toString();
    for (String suffix : List.of(STAGING, OLD)) {
      if (n.startsWith(".") && n.endsWith(suffix) && n.length() > suffix.length() + 1) {
        return p.resolveSibling(n.substring(1, n.length() - suffix.length()));
      }
    }
    return DirectoryLock.targetOf(p);
  }

  /** With {@code t}'s lock held: drops its staging, restores or deletes its set-aside report. */
  private static void tidy(Path t) throws IOException {
    ReportDirectory.deleteTree(sibling(t, STAGING));
    Path old = sibling(t, OLD);
    if (!Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
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
