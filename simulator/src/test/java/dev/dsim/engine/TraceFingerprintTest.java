package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TraceFingerprintTest {

  private static long hash(long[][] events) {
    TraceFingerprint f = new TraceFingerprint();
    for (long[] e : events) {
      f.add(e[0], e[1], (int) e[2], e[3]);
    }
    return f.value();
  }

  @Test
  void sameSequence_sameHash_anyChange_anotherHash() {
    long[][] base = {{1, 11, 0, 5}, {2, 12, 1, 6}, {3, 11, 2, 7}};
    long h = hash(base);
    assertThat(hash(new long[][] {{1, 11, 0, 5}, {2, 12, 1, 6}, {3, 11, 2, 7}})).isEqualTo(h);
    assertThat(hash(new long[][] {{1, 11, 0, 5}, {2, 12, 1, 6}, {4, 11, 2, 7}})).isNotEqualTo(h);
    assertThat(hash(new long[][] {{1, 11, 0, 5}, {2, 13, 1, 6}, {3, 11, 2, 7}})).isNotEqualTo(h);
    assertThat(hash(new long[][] {{1, 11, 0, 5}, {2, 12, 2, 6}, {3, 11, 2, 7}})).isNotEqualTo(h);
    assertThat(hash(new long[][] {{1, 11, 0, 5}, {2, 12, 1, 6}, {3, 11, 2, 8}})).isNotEqualTo(h);
    assertThat(hash(new long[][] {{2, 12, 1, 6}, {1, 11, 0, 5}, {3, 11, 2, 7}})).isNotEqualTo(h);
    assertThat(hash(new long[][] {{1, 11, 0, 5}, {2, 12, 1, 6}})).isNotEqualTo(h);
  }

  @Test
  void hex_isSixteenLowercaseDigits() {
    TraceFingerprint f = new TraceFingerprint();
    assertThat(f.hex()).matches("[0-9a-f]{16}");
    assertThat(TraceFingerprint.toHex(255)).isEqualTo("00000000000000ff");
  }

  /**
   * Golden value: the hash of a fixed run is part of the reproducibility promise (a seed found
   * last month must replay today, on any JVM). If this fails, the mixing or the event kinds'
   * codes changed, and every recorded trace hash is invalidated: do that only on purpose.
   */
  @Test
  void goldenHash_ofAFixedSchedule() {
    Simulation sim = new Simulation(42);
    EventKind a = EventKind.of("alpha");
    EventKind b = EventKind.of("beta");
    sim.schedule(5, a, 1, () -> {});
    sim.schedule(5, b, 2, () -> {});
    sim.schedule(1_000_000, a, -1, () -> {});
    sim.run();
    assertThat(sim.traceHashHex()).isEqualTo(GOLDEN);
    assertThat(a.code()).isEqualTo(ALPHA_CODE);
  }

  /** Recorded once; see the test's comment before changing it. */
  static final String GOLDEN = "40728e8ffb398aab";
  /** FNV-1a of "alpha" over UTF-16 code units (low byte, then high byte). */
  static final long ALPHA_CODE = 9061241794042496665L;
}
