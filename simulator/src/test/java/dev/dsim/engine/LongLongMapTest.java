package dev.dsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The checkers' primitive map answers like a HashMap of the same puts. */
class LongLongMapTest {
  @Property(tries = 200)
  void behavesLikeAHashMap(
      @ForAll @Size(max = 2000) List<@LongRange(min = -50, max = 3000) Long> keys,
      @ForAll @Size(max = 2000) List<@LongRange(min = -50, max = 3000) Long> minKeys) {
    LongLongMap map = new LongLongMap(4);
    Map<Long, Long> model = new HashMap<>();
    long v = 0;
    for (long k : keys) {
      map.put(k, v);
      model.put(k, v);
      v += 7;
    }
    for (long k : minKeys) {
      long candidate = (k * 31) % 1000;
      map.putMin(k, candidate);
      model.merge(k, candidate, Math::min);
    }
    assertThat(map.size()).isEqualTo(model.size());
    for (long k = -60; k <= 3010; k++) {
      assertThat(map.containsKey(k)).isEqualTo(model.containsKey(k));
      assertThat(map.get(k, Long.MIN_VALUE)).isEqualTo(model.getOrDefault(k, Long.MIN_VALUE));
    }
  }
}
