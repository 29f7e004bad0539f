package dev.dsim.service.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The replica's index answers like a map of key to (version, value), absent keys as (0, 0). */
final class KeyTableTest {

  @Property(tries = 200)
  void behavesLikeAMap(@ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 5000) Integer> keys) {
    KeyTable table = new KeyTable();
    TreeMap<Integer, long[]> expected = new TreeMap<>();
    long n = 1;
    for (int key : keys) {
      table.put(key, n, -n);
      expected.put(key, new long[] {n, -n});
      n++;
    }
    assertThat(table.size()).isEqualTo(expected.size());
    for (int key = 0; key <= 5000; key++) {
      long[] e = expected.get(key);
      assertThat(table.version(key)).isEqualTo(e == null ? 0 : e[0]);
      assertThat(table.value(key)).isEqualTo(e == null ? 0 : e[1]);
    }
  }

  @Test
  void memoryFollowsTheKeysHeld_notTheirRange() {
    KeyTable table = new KeyTable();
    table.put(9_999_999, 3, 4);
    table.put(0, 1, 2);
    assertThat(table.size()).isEqualTo(2);
    assertThat(table.version(9_999_999)).isEqualTo(3);
    assertThat(table.value(0)).isEqualTo(2);
    assertThat(table.version(5)).isZero();
    assertThatThrownBy(() -> table.put(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
