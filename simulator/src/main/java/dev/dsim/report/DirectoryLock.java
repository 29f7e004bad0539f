package dev.dsim.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An exclusive claim on one report directory, held from the moment a command chooses it until
 * the report is committed: a hidden lock file beside the directory ({@code .<name>.dsim-lock}),
 * locked with the operating system's file lock. Two dsim processes (or two commands in one JVM)
 * can never hold the same directory, so they can never both write "their" report there, and a
 * process killed with {@code kill -9} releases its claim with its death, so a leftover never
 * blocks anyone.
 *
 * <p>The holder deletes the lock file while still holding the lock. Someone who opened the file
 * just before may then lock the deleted file; to notice, each holder writes a token of its own
 * into the file it locked and reads it back through the path: if the path no longer shows that
 * token, the lock is on a deleted file and is tried again.
 */
final class DirectoryLock implements AutoCloseable {
  private static final AtomicLong TOKENS = new AtomicLong();
  private static final String SUFFIX = ".dsim-lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code target}: {@code .<name>.dsim-lock} beside it. */
  static Path fileFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + SUFFIX);
  }

  /** The directory a lock file claims, or null if {@code lockFile} is not named like one. */
  static Path targetOf(Path lockFile) {
    String n = lockFile.getFileName().toString();
    if (!n.startsWith(".") || !n.endsWith(SUFFIX) || n.length() <= SUFFIX.length() + 1) {
      return null;
    }
    return lockFile.resolveSibling(n.substring(1, n.length() - SUFFIX.length()));
  }

  /** Claims {@code target}; null when another command holds it now. */
  static DirectoryLock tryAcquire(Path target) throws IOException {
    Path file = fileFor(target);
    Files.createDirectories(file.getParent());
    String token = ProcessHandle.current().pid() + "-" + TOKENS.incrementAndGet();
    while (true) {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException sameJvm) {
        l = null;
      } catch (IOException e) {
        ch.close();
        throw e;
      }
      if (l == null) {
        ch.close();
        return null;
      }
      if (stillNamed(file, ch, token)) {
        return new DirectoryLock(file, ch, l);
      }
      l.release();
      ch.close();
    }
  }

  /** Writes the token into the locked file and checks that the path still shows it. */
  private static boolean stillNamed(Path file, FileChannel ch, String token) throws IOException {
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
    try {
      return Files.readString(file, StandardCharsets.UTF_8).equals(token);
    } catch (NoSuchFileException deleted) {
      return false;
    }
  }

  /** Gives the claim up: deletes the lock file, then releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }
}
