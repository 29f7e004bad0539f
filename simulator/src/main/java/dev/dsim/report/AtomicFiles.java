package dev.dsim.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that readers see either the old content or the complete new one, never a
 * half-written file: write to a temporary file beside the target, then rename over it.
 *
 * <p>Files and directories are created with the default permissions, so the user's umask
 * decides who may read them (a report is meant to be shared: a CI step, a web server).
 * {@code Files.createTempFile} would make them private (0600) whatever the umask, so temporary
 * names are made here instead: hidden, with this process's id and a counter, created
 * exclusively.
 */
public final class AtomicFiles {
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final long PID = ProcessHandle.current().pid();

  private AtomicFiles() {}

  public static void writeString(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] content) throws IOException {
    Path tmp = newTempFile(target);
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
        out.write(content);
      }
      moveIntoPlace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Creates an empty, hidden temporary file beside {@code target} (creating the directory if
   * needed), with the default permissions.
   */
  public static Path newTempFile(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    while (true) {
      Path tmp = dir.resolve(tempName(target.getFileName().toString()));
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException taken) {
        // Another writer's name (or a leftover of a killed one): take the next.
      }
    }
  }

  /** {@code .<name>.<pid>-<n>.tmp}: hidden, and unique within this process. */
  static String tempName(String name) {
    return "." + name + "." + PID + "-" + COUNTER.incrementAndGet() + ".tmp";
  }

  /** Renames a finished temporary file over {@code target}, atomically where supported. */
  public static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Renames a finished temporary file to {@code target} only if nothing is there yet (atomic:
   * a hard link, which fails if the name exists), so a file someone else put there meanwhile
   * is never overwritten. Returns false, leaving {@code tmp} as it was, if the name is taken.
   */
  public static boolean moveIfAbsent(Path tmp, Path target) throws IOException {
    try {
      Files.createLink(target, tmp);
    } catch (FileAlreadyExistsException taken) {
      return false;
    } catch (UnsupportedOperationException | IOException noLinks) {
      if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      // A file system without hard links: a rename that checks first (a small window).
      try {
        Files.move(tmp, target);
        return true;
      } catch (FileAlreadyExistsException taken) {
        return false;
      }
    }
    Files.delete(tmp);
    return true;
  }
}
