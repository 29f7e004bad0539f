package dev.dsim.service.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BlockNamesTest {
  @Property
  void aKeysName_isKThenTheKey_andTheSameStringEachTime(@ForAll @IntRange(min = 0) int key) {
    BlockNames names = new BlockNames();
    String first = names.of(key);
    assertThat(first).isEqualTo("k" + key);
    assertThat(names.of(key)).isSameAs(first);
    assertThat(BlockNames.keyOf(first)).isEqualTo(key);
  }

  @Test
  void manyKeys_eachHasItsOwnName_keptAcrossGrowth() {
    BlockNames names = new BlockNames();
    String[] seen = new String[50_000];
    for (int k = 0; k < seen.length; k++) {
      seen[k] = names.of(k * 7);
    }
    Set<String> distinct = new HashSet<>();
    for (int k = 0; k < seen.length; k++) {
      assertThat(names.of(k * 7)).isSameAs(seen[k]);
      distinct.add(seen[k]);
    }
    assertThat(distinct).hasSize(seen.length);
    assertThat(names.size()).isEqualTo(seen.length);
  }

  @Test
  void otherNames_areNoKey() {
    assertThat(BlockNames.keyOf("file-3")).isEqualTo(-1);
    assertThat(BlockNames.keyOf("kx")).isEqualTo(-1);
  }
}
