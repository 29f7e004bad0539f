package dev.dsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsim.engine.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tier hardware (contention, maxCores, price, disk) and the network's bandwidth and links. */
final class HardwareAndNetworkBindingTest {

  private static Scenario bind(String network, String tier) throws ScenarioException {
    return ScenarioLoader.parse("t.json", """
        {"name": "t", "duration": "1m", "clients": {"rate": 10},
         "network": %s,
         "tiers": {"web": %s, "db": {"kind": "stateless", "nodes": 2, "work": "1ms"}}}
        """.formatted(network, tier)).resolve(null);
  }

  private static List<ScenarioError> errors(String network, String tier) {
    try {
      bind(network, tier);
      throw new AssertionError("expected errors");
    } catch (ScenarioException e) {
      return e.errors();
    }
  }

  @Test
  void hardware_binds() throws Exception {
    Tier.Static web = (Tier.Static) bind("{}", """
        {"kind": "static", "nodes": 2, "cores": 16, "maxCores": 32, "price": 1.25,
         "contention": {"alpha": 0.02, "beta": 0.0005}, "work": "1ms", "files": 10,
         "fileSize": "1KiB",
         "disk": {"read": "50us", "fsync": "3ms", "capacity": "1GiB", "checksums": true}}
        """).tiers().get("web");
    assertThat(web.hardware().contention().alpha()).isEqualTo(0.02);
    assertThat(web.hardware().contention().beta()).isEqualTo(0.0005);
    assertThat(web.hardware().pricePerHour()).isEqualTo(1.25);
    assertThat(web.hardware().disk().readNanos()).isEqualTo(new Distribution.Constant(50_000));
    assertThat(web.hardware().disk().fsyncNanos()).isEqualTo(new Distribution.Constant(3_000_000));
    assertThat(web.hardware().disk().capacityBytes()).isEqualTo(1L << 30);
    assertThat(web.hardware().disk().checksums()).isTrue();
    assertThat(web.files()).isEqualTo(10);
    assertThat(web.fileBytes()).isEqualTo(1024);
  }

  @Test
  void priceDefaultsToTheRule() throws Exception {
    Tier web = bind("{}", "{\"kind\": \"stateless\", \"cores\": 8, \"work\": \"1ms\"}")
        .tiers().get("web");
    // 0.01 per node, 0.032 per core, 0.0045 per GiB of the default 4 GiB per core.
    assertThat(web.hardware().pricePerHour()).isCloseTo(0.01 + 8 * 0.05,
        org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void askingForMoreThanMaxCores_isAClearError() {
    assertThat(errors("{}", "{\"kind\": \"stateless\", \"cores\": 96, \"maxCores\": 64, "
        + "\"work\": \"1ms\"}")).singleElement().satisfies(e -> {
          assertThat(e.jsonPath()).isEqualTo("tiers.web.cores");
          assertThat(e.message()).contains("at most 64 cores");
          assertThat(e.hint()).contains("scale-up ceiling");
        });
  }

  @Test
  void networkBandwidthSizesAndLinks_bind() throws Exception {
    NetworkSpec n = bind("""
        {"bandwidth": "10Gbit/s", "messageSize": "64KiB", "corrupt": 0.001, "checksums": true,
         "links": [{"between": ["web", "db-1"], "latency": "20ms"},
                   {"from": "lb", "to": "web-2", "bandwidth": "100Mbit/s", "loss": 0.01}]}
        """, "{\"kind\": \"stateless\", \"nodes\": 2, \"work\": \"1ms\"}").network();
    assertThat(n.bitsPerSecond()).isEqualTo(1e10);
    assertThat(n.messageBytes()).isEqualTo(65536);
    assertThat(n.corrupt()).isEqualTo(0.001);
    assertThat(n.checksums()).isTrue();
    assertThat(n.links()).containsExactly(
        new NetworkSpec.LinkSpec(List.of("web"), List.of("db-1"), true,
            new Distribution.Constant(20_000_000), null, null),
        new NetworkSpec.LinkSpec(List.of("lb"), List.of("web-2"), false, null, 1e8, 0.01));
  }

  @Test
  void badUnitsAndUnknownLinkEnds_areLocatedErrors() {
    List<ScenarioError> e = errors("""
        {"bandwidth": "10 Gbps", "messageSize": 512,
         "links": [{"between": ["web", "dbb-1"], "latency": "1ms"}]}""",
        "{\"kind\": \"stateless\", \"work\": \"1ms\"}");
    assertThat(e).extracting(ScenarioError::jsonPath).containsExactlyInAnyOrder(
        "network.bandwidth", "network.messageSize", "network.links[0].between[1]");
    assertThat(e).filteredOn(x -> x.jsonPath().endsWith("between[1]")).singleElement()
        .extracting(ScenarioError::hint).isEqualTo("did you mean 'db-1'?");
  }

  @Test
  void filesOnAStatelessTier_isAnError() {
    assertThatThrownBy(() -> bind("{}", "{\"kind\": \"stateless\", \"files\": 3, "
        + "\"work\": \"1ms\"}")).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("'files' is for tiers of kind");
  }
}
