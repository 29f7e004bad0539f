package dev.dsim.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A brief, exclusive lock on a directory that receives reports ({@code reports/}, or the parent
 * of an {@code --out}): whoever holds it may look at, claim, commit or clean the report
 * directories in it, and no other dsim process (nor thread) can do any of that meanwhile. It is
 * held for milliseconds (choosing a directory, renaming a finished report into place), never
 * while runs go on; a report being written is claimed by its {@link Staging} instead.
 *
 * <p>The lock is the operating system's file lock on {@code .dsim-lock} in that directory. The
 * file stays (empty, hidden): deleting a lock file while others may have it open would let two
 * of them believe they hold it. The operating system releases the lock of a process that dies,
 * even by {@code kill -9}, so a stale one never blocks anyone. POSIX drops a process's lock when
 * it closes any descriptor of the file, so the file is opened only here; threads of one JVM
 * share the operating system's lock and are kept apart by a monitor first.
 */
final class DirectoryLock {
  /** The lock file's name in each directory that receives reports. */
  static final String FILE = ".dsim-lock";
  /** How long to wait for another dsim's brief hold before saying so. */
  private static final long WAIT_MILLIS = 30_000;
  private static final Object JVM = new Object();

  private DirectoryLock() {}

  /** What to do while holding the lock. */
  interface Work<T> {
    T run() throws IOException, ReportDirectory.UnusableException;
  }

  /** Runs {@code work} holding {@code parent}'s lock (creating {@code parent} if needed). */
  static <T> T holding(Path parent, Work<T> work) throws IOException,
      ReportDirectory.UnusableException {
    synchronized (JVM) {
      Files.createDirectories(parent);
      try (FileChannel ch = FileChannel.open(parent.resolve(FILE), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE)) {
        FileLock lock = acquire(ch, parent);
        try {
          return work.run();
        } finally {
          lock.release();
        }
      }
    }
  }

  private static FileLock acquire(FileChannel ch, Path parent)
      throws IOException, ReportDirectory.UnusableException {
    // Wall time is right here: this waits for another process, not for simulated time.
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
    while (true) {
      FileLock lock = ch.tryLock();
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ReportDirectory.UnusableException("another dsim process has held "
            + parent.resolve(FILE) + " for " + WAIT_MILLIS / 1000 + " s (it takes it only "
            + "to choose or commit a report)", "if that process is stopped (Ctrl-Z), resume "
            + "or end it; or choose another --out");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + parent.resolve(FILE), e);
      }
    }
  }
}
