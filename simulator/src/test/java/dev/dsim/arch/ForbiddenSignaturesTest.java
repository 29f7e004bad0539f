package dev.dsim.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.arch.ForbiddenSignatures.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signatures files read as ArchUnit sees them: the format's subset, nothing skipped. */
final class ForbiddenSignaturesTest {
  @Test
  void readsClassesMembersOverloadsFieldsAndMessages() {
    List<Signature> s = ForbiddenSignatures.parse("t.txt", List.of(
        "# comment", "", "@defaultMessage use the run's Rng",
        "java.util.Random",
        "java.lang.Math#pow(double, double)",
        "java.time.Instant#now(**)",
        "java.util.SplittableRandom#<init>()",
        "java.lang.System#out @ only cli prints")).signatures();
    assertThat(s).extracting(Signature::toString).containsExactly("java.util.Random",
        "java.lang.Math#pow(double,double)", "java.time.Instant#now(**)",
        "java.util.SplittableRandom#<init>()", "java.lang.System#out");
    assertThat(s).extracting(Signature::message).containsExactly("use the run's Rng",
        "use the run's Rng", "use the run's Rng", "use the run's Rng", "only cli prints");
  }

  @Test
  void rejectsWhatItWouldOtherwiseIgnore() {
    assertThatThrownBy(() -> ForbiddenSignatures.parse("t.txt",
        List.of("@includeBundled jdk-unsafe"))).hasMessageContaining("not understood");
    assertThatThrownBy(() -> ForbiddenSignatures.parse("t.txt", List.of("# nothing")))
        .hasMessageContaining("no signatures");
  }

  @Test
  void theShippedFilesAreReadable() {
    for (String name : List.of("forbidden-wall-clock.txt", "forbidden-randomness.txt",
        "forbidden-platform-math.txt")) {
      assertThat(ForbiddenSignatures.load(name).signatures()).as(name)
          .isNotEmpty().allMatch(sig -> !sig.message().isEmpty());
    }
    assertThat(ForbiddenSignatures.load("forbidden-platform-math.txt").signatures()).hasSize(18);
  }
}
