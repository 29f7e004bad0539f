package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsim.engine.Distribution;
import dev.dsim.engine.EventKind;
import dev.dsim.engine.Rng;
import dev.dsim.engine.Simulation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The disk keeps what was fsynced across crashes and nothing else, queues its operations,
 * refuses writes beyond its capacity, and returns corruption as an error only with checksums.
 */
final class DiskTest {
  private static final EventKind K = EventKind.of("test");
  private static final DiskConfig TIMED = new DiskConfig(new Distribution.Constant(10),
      new Distribution.Constant(20), new Distribution.Constant(100), Long.MAX_VALUE, false,
      false);

  private final Simulation sim = new Simulation(7);
  private final World world = new World(sim, new Distribution.Constant(1));
  private final List<String> log = new ArrayList<>();

  private Node node(DiskConfig disk) {
    Node n = world.addNode("db-1", new NodeConfig(1, 1, Contention.NONE, disk, 0),
        x -> (ctx, m) -> {});
    world.start();
    return n;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void read(Disk disk, String key) {
    disk.read(key, r -> log.add(key + "=" + (r.ok()
        ? new String(r.value(), StandardCharsets.UTF_8) : r.status().name())
        + "@" + sim.now()));
  }

  private void at(long t, Runnable r) {
    sim.schedule(t, K, -1, r);
  }

  @Test
  void operationsQueueFifo_aBusyDiskMakesRequestsWait() {
    Disk d = node(TIMED).disk();
    at(0, () -> {
      d.write("a", bytes("1"), s -> log.add("write " + s + "@" + sim.now()));
      read(d, "a");
      read(d, "b");
      d.fsync(() -> log.add("fsync@" + sim.now()));
    });
    sim.run();
    assertThat(log).containsExactly("write OK@20", "a=1@30", "b=NOT_FOUND@40", "fsync@140");
  }

  @Test
  void crash_losesWritesNotYetFsynced_restartKeepsFsyncedData() {
    Node n = node(TIMED);
    Disk d = n.disk();
    at(0, () -> {
      d.write("synced", bytes("old"), null);
      d.fsync(null);                        // done at 120
      d.write("synced", bytes("new"), null); // done at 140, never fsynced
      d.write("unsynced", bytes("x"), null); // done at 160
    });
    at(200, () -> {
      read(d, "synced");                    // before the crash: the cache is visible
      n.crash();
    });
    at(300, () -> {
      n.restart();
      read(d, "synced");
      read(d, "unsynced");
    });
    sim.run();
    assertThat(log).containsExactly("synced=old@310", "unsynced=NOT_FOUND@320");
    assertThat(d.writesLostOnCrash()).isEqualTo(2);
    assertThat(d.usedBytes()).isEqualTo(3);
  }

  @Test
  void crashWithWipe_losesEverything() {
    Node n = node(TIMED);
    Disk d = n.disk();
    at(0, () -> {
      d.write("k", bytes("v"), null);
      d.fsync(null);
    });
    at(500, () -> {
      n.crash(true);
      n.restart();
      read(d, "k");
    });
    sim.run();
    assertThat(log).containsExactly("k=NOT_FOUND@510");
    assertThat(d.keys()).isEmpty();
  }

  @Test
  void crash_dropsQueuedOperationsAndTheirContinuations() {
    Node n = node(TIMED);
    Disk d = n.disk();
    at(0, () -> {
      d.write("k", bytes("v"), s -> log.add("write done"));
      d.fsync(() -> log.add("fsync done"));
    });
    at(50, n::crash); // the write finished at 20; the fsync (due at 120) never completes
    at(60, n::restart);
    at(200, () -> read(d, "k"));
    sim.run();
    assertThat(log).containsExactly("write done", "k=NOT_FOUND@210");
  }

  @Test
  void tornWrites_leaveTheLastUnsyncedWriteHalfWritten_checksumsCatchIt() {
    DiskConfig torn = new DiskConfig(TIMED.readNanos(), TIMED.writeNanos(), TIMED.fsyncNanos(),
        Long.MAX_VALUE, true, true);
    Node n = node(torn);
    Disk d = n.disk();
    at(0, () -> {
      d.write("k", bytes("aaaa"), null);
      d.fsync(null);
      d.write("k", bytes("bbbb"), null);
    });
    at(500, () -> {
      n.crash();
      n.restart();
      read(d, "k");
    });
    sim.run();
    assertThat(log).containsExactly("k=CORRUPT@510");
    assertThat(d.tornWrites()).isEqualTo(1);
    assertThat(d.corruptReadsDetected()).isEqualTo(1);
  }

  @Test
  void aRewrite_makesItsBlockTheLastUnsyncedOne_whateverTheOthers() {
    DiskConfig torn = new DiskConfig(TIMED.readNanos(), TIMED.writeNanos(), TIMED.fsyncNanos(),
        Long.MAX_VALUE, true, true);
    Node n = node(torn);
    Disk d = n.disk();
    at(0, () -> {
      d.write("a", bytes("a0"), null);
      d.fsync(null);
      // Never synced after this: b, c, then a again, then b again: b is written last.
      for (String k : List.of("b", "c", "a", "b")) {
        d.write(k, bytes(k + "1"), null);
      }
    });
    at(1_000, () -> {
      n.crash();
      n.restart();
      for (String k : List.of("a", "b", "c")) {
        read(d, k);
      }
    });
    sim.run();
    // b, the last write, is torn (caught by its checksum); a goes back to what was synced; c,
    // never synced, is gone; and each block counts once.
    assertThat(log).containsExactly("a=a0@1010", "b=CORRUPT@1020", "c=NOT_FOUND@1030");
    assertThat(d.tornWrites()).isEqualTo(1);
    assertThat(d.writesLostOnCrash()).isEqualTo(2);
  }

  @Test
  void aFullDiskFailsWritesWithAnError() {
    DiskConfig small = new DiskConfig(TIMED.readNanos(), TIMED.writeNanos(), TIMED.fsyncNanos(),
        8, false, false);
    Disk d = node(small).disk();
    at(0, () -> {
      d.write("a", bytes("12345"), s -> log.add("a " + s));
      d.write("b", bytes("12345"), s -> log.add("b " + s));
      d.write("a", bytes("12345678"), s -> log.add("a again " + s)); // replaces a: fits
    });
    sim.run();
    assertThat(log).containsExactly("a OK", "b FULL", "a again OK");
    assertThat(d.fullErrors()).isEqualTo(1);
    assertThat(d.usedBytes()).isEqualTo(8);
  }

  @Test
  void corruption_withChecksumsIsDetected_withoutIsReturnedAsIfFine() {
    for (boolean checksums : new boolean[] {true, false}) {
      Simulation s = new Simulation(3);
      World w = new World(s, new Distribution.Constant(1));
      Node n = w.addNode("db-1", new NodeConfig(1, 1, Contention.NONE,
          TIMED.withChecksums(checksums), 0), x -> (ctx, m) -> {});
      w.start();
      Disk d = n.disk();
      List<String> seen = new ArrayList<>();
      s.schedule(0, K, -1, () -> d.write("k", bytes("hello"), null));
      s.schedule(100, K, -1, () -> assertThat(d.corruptBlocks(1, Rng.root(1))).containsExactly(
          "k"));
      s.schedule(200, K, -1, () -> d.read("k", r -> seen.add(r.status() + " "
          + (r.ok() ? new String(r.value(), StandardCharsets.UTF_8) : ""))));
      s.run();
      if (checksums) {
        assertThat(seen).containsExactly("CORRUPT ");
        assertThat(d.corruptReadsDetected()).isEqualTo(1);
        assertThat(d.corruptReadsReturned()).isZero();
      } else {
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).startsWith("OK ").isNotEqualTo("OK hello");
        assertThat(d.corruptReadsDetected()).isZero();
        assertThat(d.corruptReadsReturned()).isEqualTo(1);
      }
    }
  }

  @Test
  void aBorrowedRead_lendsTheBlockItself_aPlainReadCopiesIt_andChecksumsStillCatchCorruption() {
    Disk d = node(TIMED.withChecksums(true)).disk();
    byte[] handed = bytes("hello");
    List<byte[]> got = new ArrayList<>();
    at(0, () -> {
      d.writeHandedOver("k", handed, null);
      d.readBorrowed("k", r -> got.add(r.value()));
      d.read("k", r -> got.add(r.value()));
    });
    at(100, () -> d.corruptBlocks(1, Rng.root(1)));
    at(200, () -> d.readBorrowed("k", r -> log.add(r.status().toString())));
    sim.run();
    assertThat(got.get(0)).isSameAs(handed); // handed over and lent: never copied
    assertThat(got.get(1)).isNotSameAs(handed).isEqualTo(bytes("hello"));
    assertThat(log).containsExactly("CORRUPT");
    assertThat(d.corruptReadsDetected()).isEqualTo(1);
  }

  @Test
  void latentSectorErrors_failReadsUntilTheBlockIsRewritten() {
    Disk d = node(TIMED).disk();
    at(0, () -> {
      d.write("a", bytes("1"), null);
      d.write("b", bytes("2"), null);
    });
    at(100, () -> assertThat(d.failSectors(5, Rng.root(2))).containsExactly("a", "b"));
    at(200, () -> {
      read(d, "a");
      d.write("a", bytes("3"), null);
      read(d, "a");
      read(d, "b");
    });
    sim.run();
    assertThat(log).containsExactly("a=IO_ERROR@210", "a=3@240", "b=IO_ERROR@250");
    assertThat(d.ioErrors()).isEqualTo(2);
  }

  @Test
  void corruptBlocks_picksDistinctBlocksDeterministically() {
    List<List<String>> picks = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Simulation s = new Simulation(3);
      World w = new World(s, new Distribution.Constant(1));
      Disk d = w.addNode("n", new NodeConfig(1, 1, Contention.NONE, TIMED, 0),
          x -> (ctx, m) -> {}).disk();
      w.start();
      s.schedule(0, K, -1, () -> {
        for (int i = 0; i < 50; i++) {
          d.write("key-" + i, bytes("v" + i), null);
        }
      });
      s.run();
      picks.add(d.corruptBlocks(10, Rng.root(99)));
    }
    assertThat(picks.get(0)).hasSize(10).doesNotHaveDuplicates().isEqualTo(picks.get(1));
  }

  @Test
  void aSlowDiskTakesLonger() {
    Disk d = node(TIMED).disk();
    d.setSlowdown(10);
    at(0, () -> read(d, "k"));
    sim.run();
    assertThat(log).containsExactly("k=NOT_FOUND@100");
  }

  @Test
  void processesReachTheDiskThroughTheirContext_andItSurvivesTheirRestart() {
    List<String> recovered = new ArrayList<>();
    Node n = world.addNode("db-1", new NodeConfig(1, 1, Contention.NONE, TIMED, 0), x ->
        new Process() {
          @Override
          public void onStart(Context ctx) {
            if (ctx.recovering()) {
              ctx.disk().read("state", r -> recovered.add(new String(r.value(),
                  StandardCharsets.UTF_8)));
            } else {
              ctx.disk().write("state", bytes("kept"), s -> ctx.disk().fsync(null));
            }
          }

          @Override
          public void onMessage(Context ctx, Message m) {}
        });
    world.start();
    at(1_000, n::crash);
    at(2_000, n::restart);
    sim.run();
    assertThat(recovered).containsExactly("kept");
  }
}
