package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An availability failure with no checker violation to draw still gets its picture: the first
 * measured request that failed, from its issue to its timeout, with the crashed node's
 * deliveries marked as not received; a latency failure gets its slowest request's. results.json
 * says which request that was.
 */
final class FirstFailureDiagramTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void anAvailabilityFailure_holdsTheDiagramOfItsFirstFailedRequest() throws Exception {
    Path out = dir.resolve("r");
    CliRunner.Result run = CliRunner.run("run", CliCommandsTest.PLANTED.toString(), "--seed",
        "4", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode results = JSON.readTree(out.resolve("base/seed-4/results.json").toFile());
    JsonNode first = results.path("requests").path("firstFailure");
    assertThat(first.path("outcome").asText()).isEqualTo("timedOut");
    double issued = first.path("issuedAtSeconds").asDouble();
    double ended = first.path("endedAtSeconds").asDouble();
    assertThat(ended - issued).as("the scenario's 500 ms timeout")
        .isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    double crash = results.path("faults").get(0).path("atSeconds").asDouble();
    assertThat(issued).as("after the node crashed").isGreaterThan(crash);

    Path page = out.resolve("base/seed-4/first-failure.html");
    String html = Files.readString(page);
    assertThat(html).contains("the first request that timed out, issued at "
        + String.format(java.util.Locale.ROOT, "%.3f", issued) + "s")
        .contains("READ → TIMED_OUT").contains("not received: down");
    assertThat(out.resolve("base/seed-4/first-failure.jsonl")).exists();
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("href=\"base/seed-4/first-failure.html\"", "first request that timed out");
  }

  @Test
  void aLatencyFailure_holdsTheDiagramOfItsSlowestRequest() throws Exception {
    Path out = dir.resolve("slow");
    CliRunner.Result run = CliRunner.run("run", CliCommandsTest.PLANTED.toString(), "--seed",
        "1", "--set", "expect={\"latencyMs.p99\": \"<= 5\"}", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode results = JSON.readTree(out.resolve("base/seed-1/results.json").toFile());
    JsonNode slowest = results.path("requests").path("slowest");
    assertThat(slowest.path("outcome").asText()).isEqualTo("ok");
    double took = slowest.path("endedAtSeconds").asDouble()
        - slowest.path("issuedAtSeconds").asDouble();
    assertThat(took * 1e3).as("the slowest is the max latency (the histogram's, to 3 digits)")
        .isCloseTo(results.path("latencyMs").path("max").asDouble(),
            org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(out.resolve("base/seed-1/first-failure.html")).doesNotExist();
    String html = Files.readString(out.resolve("base/seed-1/slowest-request.html"));
    assertThat(html).contains("the slowest request, issued at ").contains("READ → OK");
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("href=\"base/seed-1/slowest-request.html\"", "the slowest request</a>");
  }

  @Test
  void aRunThatMeetsItsExpectations_hasNone() throws Exception {
    Path out = dir.resolve("ok");
    CliRunner.Result run = CliRunner.run("run", CliCommandsTest.PLANTED.toString(), "--seed",
        "1", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("base/seed-1/first-failure.html")).doesNotExist();
  }
}
