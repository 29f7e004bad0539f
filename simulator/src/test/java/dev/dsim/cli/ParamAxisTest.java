package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sweep --param PATH=VALUES}: lists, integer ranges, stepped ranges, words. */
final class ParamAxisTest {
  @Test
  void listsRangesAndWords_expandInTheOrderGiven() {
    assertThat(ParamAxis.parse("tiers.web.nodes=4..8").values())
        .containsExactly("4", "5", "6", "7", "8");
    assertThat(ParamAxis.parse("tiers.web.cores=2,4, 8").values()).containsExactly("2", "4", "8");
    assertThat(ParamAxis.parse("tiers.web.nodes=1,4..12:4").values())
        .containsExactly("1", "4", "8", "12");
    assertThat(ParamAxis.parse("loadBalancer.policy=round-robin,least-outstanding").values())
        .containsExactly("round-robin", "least-outstanding");
    assertThat(ParamAxis.parse("tiers.web.nodes=4..12").set(0)).isEqualTo("tiers.web.nodes=4");
    assertThat(ParamAxis.parse("a.b=1,2").numeric()).isTrue();
    assertThat(ParamAxis.parse("a.b=1,x").numeric()).isFalse();
  }

  @Test
  void steppedRanges_areExact_withoutFloatingPointDrift() {
    // 0.1 added ten times in doubles is 0.9999999999999999: the values are decimals.
    assertThat(ParamAxis.parse("tiers.web.speed=0.1..1:0.1").values()).hasSize(10)
        .endsWith("0.9", "1");
    assertThat(ParamAxis.parse("tiers.web.speed=0.5..2:0.5").values())
        .isEqualTo(List.of("0.5", "1", "1.5", "2"));
  }

  @Test
  void badAxes_sayWhatIsWrong() {
    for (String[] bad : new String[][] {
        {"tiers.web.nodes", "expected PATH=VALUES"},
        {"tiers.web.nodes=", "expected PATH=VALUES"},
        {"tiers.web.nodes=4,,8", "an empty value"},
        {"tiers.web.nodes=12..4", "is empty"},
        {"tiers.web.speed=0.5..2", "not of integers"},
        {"tiers.web.nodes=4..12:0", "must be positive"},
        {"tiers.web.nodes=a..b", "is not a range"},
        {"tiers.web.nodes=1..100000", "at most 10000"},
        {"tiers.web.nodes=4,4", "twice"}}) {
      assertThatThrownBy(() -> ParamAxis.parse(bad[0])).as(bad[0])
          .isInstanceOf(CommandLine.TypeConversionException.class)
          .hasMessageContaining(bad[1]);
    }
  }
}
