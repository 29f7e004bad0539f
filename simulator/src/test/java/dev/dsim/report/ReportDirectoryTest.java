package dev.dsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report directories never lose anyone's files: concurrent commands get separate directories, a
 * killed command's leftovers are cleaned by the next one, {@code --force} removes only dsim's own
 * unchanged files, and file-system problems come back as the user's environment, located.
 */
final class ReportDirectoryTest {
  private static final ReportManifest MANIFEST = new ReportManifest("dsim test", "run", true,
      false, List.of("x.json"), "dsim run x.json");

  @TempDir
  Path dir;

  private static void commit(ReportDirectory.Reservation r, String file, String content)
      throws Exception {
    Staging s = r.stage();
    Files.createDirectories(s.dir().resolve(file).getParent());
    Files.writeString(s.dir().resolve(file), content);
    s.commit(MANIFEST);
  }

  /** Hidden entries in the test directory, but the lock file that stays (DirectoryLock). */
  private List<String> hidden() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".") && !n.equals(".dsim-lock")).toList();
    }
  }

  @Test
  void twoReservationsAtOnce_getTwoDirectories_andBothReportsSurvive() throws Exception {
    Path def = dir.resolve("reports/web");
    try (ReportDirectory.Reservation a = ReportDirectory.reserve(null, def, false);
        ReportDirectory.Reservation b = ReportDirectory.reserve(null, def, false)) {
      assertThat(a.dir()).isEqualTo(def);
      assertThat(b.dir()).isEqualTo(dir.resolve("reports/web-2"));
      commit(b, "results.json", "b");
      commit(a, "results.json", "a");
    }
    assertThat(def.resolve("results.json")).hasContent("a");
    assertThat(dir.resolve("reports/web-2/results.json")).hasContent("b");
    try (Stream<Path> s = Files.list(dir.resolve("reports"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("web",
          "web-2", ".dsim-lock");
    }
  }

  @Test
  void concurrentCommands_onThreads_neverShareADirectory() throws Exception {
    Path def = dir.resolve("reports/web");
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Path>> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String content = "run " + i;
      chosen.add(pool.submit(() -> {
        start.await();
        try (ReportDirectory.Reservation r = ReportDirectory.reserve(null, def, false)) {
          Staging s = r.stage();
          Files.writeString(s.dir().resolve("results.json"), content);
          s.commit(MANIFEST);
          return s.target();
        }
      }));
    }
    start.countDown();
    List<String> contents = new ArrayList<>();
    for (Future<Path> f : chosen) {
      contents.add(Files.readString(f.get().resolve("results.json")));
    }
    pool.shutdown();
    assertThat(contents).hasSize(n).doesNotHaveDuplicates();
  }

  @Test
  void anOutInUse_isRefused_notShared() throws Exception {
    Path out = dir.resolve("out");
    try (ReportDirectory.Reservation a = ReportDirectory.reserve(out, null, false)) {
      assertThatThrownBy(() -> ReportDirectory.reserve(out, null, false))
          .isInstanceOf(ReportDirectory.UnusableException.class)
          .hasMessageContaining("another dsim command is writing a report to " + out);
      commit(a, "results.json", "a");
    }
    assertThat(out.resolve("results.json")).hasContent("a");
    assertThat(hidden()).isEmpty();
  }

  @Test
  void anAbandonedReport_leavesNothing() throws Exception {
    Path out = dir.resolve("out");
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, false)) {
      Files.writeString(r.stage().dir().resolve("results.json"), "half");
    }
    assertThat(out).doesNotExist();
    assertThat(hidden()).isEmpty();
  }

  @Test
  void aKilledCommandsStaging_isCleanedByTheNextCommandBesideIt() throws Exception {
    // What kill -9 during the report write leaves: a staging directory whose lock died with
    // its process.
    Path staging = Files.createDirectories(dir.resolve(".old-report.dsim-staging/report/base"));
    Files.writeString(staging.resolve("results.json"), "half");
    Files.writeString(dir.resolve(".old-report.dsim-staging/lock"), "");
    Files.writeString(dir.resolve("notes.dsim-staging.txt"), "a user's file, similar name");
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(dir.resolve("other"), null,
        false)) {
      assertThat(hidden()).doesNotContain(".old-report.dsim-staging");
      commit(r, "results.json", "x");
    }
    assertThat(hidden()).isEmpty();
    assertThat(dir.resolve("notes.dsim-staging.txt")).exists();
  }

  @Test
  void aStagingInUse_isNotTouched() throws Exception {
    Path busy = dir.resolve("busy");
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(busy, null, false)) {
      Path file = r.stage().dir().resolve("results.json");
      Files.writeString(file, "in progress");
      try (ReportDirectory.Reservation other = ReportDirectory.reserve(dir.resolve("other"),
          null, false)) {
        assertThat(file).hasContent("in progress");
      }
    }
  }

  @Test
  void force_replacesOnlyDsimsUnchangedFiles() throws Exception {
    Path out = dir.resolve("out");
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, false)) {
      commit(r, "small/seed-3/results.json", "old");
    }
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, true)) {
      commit(r, "big/seed-3/results.json", "new");
    }
    assertThat(out.resolve("big/seed-3/results.json")).hasContent("new");
    assertThat(out.resolve("small")).doesNotExist();
    assertThat(Files.readString(out.resolve(ReportManifest.FILE)))
        .contains("\"path\" : \"big/seed-3/results.json\"").doesNotContain("small");
    assertThat(hidden()).isEmpty();
  }

  @Test
  void force_refusesADirectoryWithAUsersFile_andDeletesNothing() throws Exception {
    Path out = dir.resolve("out");
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, false)) {
      commit(r, "results.json", "old");
    }
    Files.writeString(out.resolve("notes.txt"), "precious");
    assertThatThrownBy(() -> ReportDirectory.reserve(out, null, true))
        .isInstanceOf(ReportDirectory.UnusableException.class)
        .hasMessageContaining("notes.txt").hasMessageContaining("did not write");
    assertThat(out.resolve("notes.txt")).hasContent("precious");
    assertThat(out.resolve("results.json")).hasContent("old");
  }

  @Test
  void force_refusesAFileChangedSinceDsimWroteIt() throws Exception {
    Path out = dir.resolve("out");
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, false)) {
      commit(r, "results.json", "old");
    }
    Files.writeString(out.resolve("results.json"), "edited by hand");
    assertThatThrownBy(() -> ReportDirectory.reserve(out, null, true))
        .isInstanceOf(ReportDirectory.UnusableException.class)
        .hasMessageContaining("changed since dsim wrote it");
    assertThat(out.resolve("results.json")).hasContent("edited by hand");
  }

  @Test
  void force_doesNotTrustAnyFileNamedLikeTheManifest() throws Exception {
    Path forged = Files.createDirectories(dir.resolve("forged"));
    Files.writeString(forged.resolve("data.csv"), "precious");
    Files.writeString(forged.resolve(ReportManifest.FILE), "{\"hello\": 1}");
    assertThatThrownBy(() -> ReportDirectory.reserve(forged, null, true))
        .hasMessageContaining("not a dsim manifest");
    Files.writeString(forged.resolve(ReportManifest.FILE), "{\"writtenBy\": \"dsim 0.1\", "
        + "\"command\": \"run\", \"files\": [{\"path\": \"../outside.txt\", \"bytes\": 1, "
        + "\"sha256\": \"x\"}]}");
    assertThatThrownBy(() -> ReportDirectory.reserve(forged, null, true))
        .hasMessageContaining("outside the report");
    Files.writeString(forged.resolve(ReportManifest.FILE), "{\"writtenBy\": \"dsim 0.0\", "
        + "\"command\": \"run\", \"complete\": true}");
    assertThatThrownBy(() -> ReportDirectory.reserve(forged, null, true))
        .hasMessageContaining("earlier dsim").hasMessageContaining("does not list its files");
    Files.writeString(forged.resolve(ReportManifest.FILE), "not json at all");
    assertThatThrownBy(() -> ReportDirectory.reserve(forged, null, true))
        .hasMessageContaining("not a dsim manifest");
    assertThat(forged.resolve("data.csv")).hasContent("precious");
  }

  @Test
  void force_leavesTheEarlierReportAlone_whenAUserChangesItWhileTheCommandRuns()
      throws Exception {
    Path out = dir.resolve("out");
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, false)) {
      commit(r, "results.json", "old");
    }
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, true)) {
      Staging s = r.stage();
      Files.writeString(s.dir().resolve("results.json"), "new");
      Files.writeString(out.resolve("notes.txt"), "written while the run went on");
      s.commit(MANIFEST);
      assertThat(s.target()).isEqualTo(dir.resolve("out-2"));
      assertThat(s.note()).contains("did not write", "out-2");
    }
    assertThat(out.resolve("results.json")).hasContent("old");
    assertThat(out.resolve("notes.txt")).exists();
    assertThat(dir.resolve("out-2/results.json")).hasContent("new");
  }

  @Test
  void aReportSetAsideByAKilledForce_isPutBack() throws Exception {
    Path out = dir.resolve("out");
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, false)) {
      commit(r, "results.json", "old");
    }
    // kill -9 between "rename the earlier report aside" and "rename the new one into place".
    Files.move(out, dir.resolve(".out.dsim-old"));
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(dir.resolve("other"), null,
        false)) {
      assertThat(out.resolve("results.json")).hasContent("old");
    }
    assertThat(hidden()).isEmpty();
  }

  @Test
  void anEmptyOut_madeByTheUser_receivesTheReport() throws Exception {
    Path out = Files.createDirectories(dir.resolve("empty"));
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, false)) {
      commit(r, "results.json", "a");
    }
    assertThat(out.resolve("results.json")).hasContent("a");
  }

  @Test
  void reportsHonourTheUmask_notPrivateTempPermissions() throws Exception {
    Path out = dir.resolve("shared");
    try (ReportDirectory.Reservation r = ReportDirectory.reserve(out, null, false)) {
      Staging s = r.stage();
      AtomicFiles.writeString(s.dir().resolve("run/results.json"), "{}");
      s.commit(MANIFEST);
    }
    // Whatever the umask, files must be created as Files.createFile would create them, not
    // 0600/0700 as createTempFile/createTempDirectory make them.
    Path probe = Files.createFile(dir.resolve("probe"));
    Path probeDir = Files.createDirectory(dir.resolve("probe-dir"));
    Set<PosixFilePermission> file = Files.getPosixFilePermissions(probe);
    Set<PosixFilePermission> directory = Files.getPosixFilePermissions(probeDir);
    assertThat(Files.getPosixFilePermissions(out.resolve("run/results.json"))).isEqualTo(file);
    assertThat(Files.getPosixFilePermissions(out.resolve(ReportManifest.FILE))).isEqualTo(file);
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(directory);
    assertThat(Files.getPosixFilePermissions(out.resolve("run"))).isEqualTo(directory);
  }

  @Test
  void anOutUnderARegularFile_isTheEnvironmentsProblem_withThePath() throws Exception {
    Path file = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThatThrownBy(() -> ReportDirectory.reserve(file.resolve("out"), null, false))
        .isInstanceOf(ReportDirectory.UnusableException.class)
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(((ReportDirectory.UnusableException) e).hint())
            .isNotEmpty());
    assertThatThrownBy(() -> ReportDirectory.reserve(file, null, false))
        .hasMessageContaining("is a file, not a directory");
  }

  @Test
  void anOutUnderProc_orWithANameTooLong_isTheEnvironmentsProblem() throws Exception {
    if (Files.isDirectory(Path.of("/proc/self"))) {
      assertThatThrownBy(() -> ReportDirectory.reserve(Path.of("/proc/dsim-test/out"), null,
          false)).isInstanceOf(ReportDirectory.UnusableException.class)
          .hasMessageContaining("/proc/dsim-test");
    }
    Path tooLong = dir.resolve("x".repeat(300));
    assertThatThrownBy(() -> ReportDirectory.reserve(tooLong, null, false))
        .isInstanceOf(ReportDirectory.UnusableException.class)
        .satisfies(e -> assertThat(((ReportDirectory.UnusableException) e).hint())
            .contains("shorten"));
  }
}
