package dev.dsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A file-system error told as the environment's problem, not dsim's: which path, what the
 * operating system said, and what the user can do about it. A full disk, a read-only directory,
 * an {@code --out} under a regular file or a name longer than the file system allows are the
 * user's environment; only errors that are none of these are left to be reported as dsim bugs.
 *
 * @param path the path involved ("" when the error names none)
 * @param reason what went wrong, in the operating system's words where it gave any
 * @param hint what to do about it
 */
public record FileProblem(String path, String reason, String hint) {

  /** One line: "cannot write reports/x: Permission denied". */
  public String message() {
    return path.isEmpty() ? reason : path + ": " + reason;
  }

  /**
   * The problem behind {@code e} if it is the environment's (a file-system error), or null when
   * it is not one (then it is a bug, and the caller reports it as such).
   */
  public static FileProblem of(Throwable e) {
    Throwable t = e;
    while (t instanceof UncheckedIOException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof JsonProcessingException || !(t instanceof IOException io)) {
      return null;
    }
    if (io instanceof FileSystemException fs) {
      return ofFileSystem(fs);
    }
    String text = io.getMessage() == null ? "" : io.getMessage();
    String hint = hintFor(text);
    return hint == null ? null : new FileProblem("", text, hint);
  }

  private static FileProblem ofFileSystem(FileSystemException fs) {
    String path = fs.getFile() == null ? "" : fs.getFile();
    String reason = fs.getReason() == null ? "" : fs.getReason();
    if (fs instanceof AccessDeniedException) {
      return new FileProblem(path, "permission denied" + (reason.isEmpty() ? "" : " (" + reason
          + ")"), "write somewhere you may (--out DIR), or change the directory's permissions");
    }
    if (fs instanceof NoSuchFileException) {
      return new FileProblem(path, "no such file or directory", "check the path");
    }
    if (fs instanceof NotDirectoryException) {
      return new FileProblem(path, "a part of this path is a file, not a directory",
          "choose a path whose parents are directories");
    }
    if (fs instanceof FileAlreadyExistsException) {
      return new FileProblem(path, reason.isEmpty() ? "a file is already there" : reason,
          "a regular file stands where a directory is needed; choose another path");
    }
    String hint = hintFor(reason);
    if (hint == null) {
      hint = "check that the path is a writable directory on a local file system";
    }
    return new FileProblem(path, reason.isEmpty() ? fs.getClass().getSimpleName() : reason,
        hint);
  }

  /** A hint for an operating-system error message, or null for a message it does not know. */
  private static String hintFor(String osMessage) {
    String m = osMessage.toLowerCase(Locale.ROOT);
    if (m.contains("no space left") || m.contains("disk quota")) {
      return "free some disk space (df -h shows where), or write elsewhere with --out DIR";
    }
    if (m.contains("read-only file system")) {
      return "write to a writable directory with --out DIR";
    }
    if (m.contains("file name too long") || m.contains("name too long")) {
      return "shorten the scenario's or the variant's \"name\" (they name directories), or "
          + "give a shorter --out";
    }
    if (m.contains("not a directory")) {
      return "a part of this path is a regular file; choose a path whose parents are "
          + "directories";
    }
    if (m.contains("permission denied") || m.contains("operation not permitted")) {
      return "write somewhere you may (--out DIR), or change the directory's permissions";
    }
    if (m.contains("too many open files")) {
      return "raise the limit (ulimit -n) or run fewer jobs at once (--jobs)";
    }
    if (m.contains("input/output error") || m.contains("stale file handle")) {
      return "the storage failed; check the disk or the network file system";
    }
    if (m.contains("no such file")) {
      return "check the path";
    }
    return null;
  }
}
