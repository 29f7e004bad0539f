package dev.dsim.scenario;

import static dev.dsim.scenario.Build.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsim.service.RetryPolicy;
import dev.dsim.service.kv.Placement;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed builder ({@link Scenario#named}, {@link Build}) gives the records a file gives: the
 * shipped scenarios rebuilt in Java bind to equal {@link Scenario}s, variant by variant; its
 * mistakes are located by JSON path; its values write the format's canonical strings.
 */
final class TypedBuilderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ScenarioFile file(String name) throws ScenarioException {
    Path repo = Path.of(System.getProperty("dsim.repo", "..")).toAbsolutePath().normalize();
    return ScenarioLoader.load(repo.resolve("scenarios").resolve(name));
  }

  static ScenarioBuilder webKv() {
    return Scenario.named("web-kv")
        .description(WEB_KV_DESCRIPTION)
        .seed(42).duration(minutes(2)).warmup(seconds(10))
        .network(network().latency(lognormal(ms(0.5), ms(4))))
        .clients(openLoop(2000).reads(0.9).keys(10_000).keyDist(zipf(0.99))
            .timeout(seconds(2)).retries(1))
        .loadBalancer(loadBalancer().policy(LbPolicy.LEAST_OUTSTANDING)
            .healthCheck(seconds(1), seconds(3)))
        .tier("web", stateless().nodes(8).cores(4).work(exponential(ms(8))).calls("db"))
        .tier("db", kv().nodes(3).cores(8).replication(3).quorums(2, 2)
            .fsyncEvery(ms(10)).checksums(true).heartbeat(ms(500), seconds(2))
            .disk(disk().read(us(100)).write(us(200)).fsync(ms(1))))
        .fault(at(seconds(30)).crash("web-2").restartAfter(seconds(30)))
        .fault(at(seconds(70)).partition(java.util.List.of("db-1"),
            java.util.List.of("db-2", "db-3")).lasting(seconds(20)))
        .expect(Metric.AVAILABILITY, atLeast(0.99))
        .expect(Metric.LOST_WRITES, equalTo(0))
        .expect(Metric.STALE_READS, equalTo(0));
  }

  @Test
  void webKv_inJava_bindsToTheSameScenarioAsItsFile() throws Exception {
    assertThat(webKv().build()).isEqualTo(file("web-kv.json").resolve(null));
  }

  @Test
  void swim_inJava_bindsToTheSameStoreAsItsJson() throws Exception {
    Scenario java = Scenario.named("s").duration(seconds(10))
        .tier("db", kv().nodes(20).swim(ms(200), ms(40), 2))
        .build();
    Scenario json = ScenarioLoader.parse("s.json", """
        {"name": "s", "duration": "10s", "tiers": {"db": {"kind": "kv", "nodes": 20,
         "swim": {"period": "200ms", "probeTimeout": "40ms", "indirectProbes": 2}}}}""")
        .resolve(null);
    assertThat(java).isEqualTo(json);
    var swim = ((dev.dsim.scenario.Tier.Kv) java.tiers().get("db")).store().swim();
    assertThat(swim).isEqualTo(new dev.dsim.service.swim.SwimConfig(200_000_000L, 40_000_000L, 2));
    // The defaults: a fifth of the period, three helpers.
    Scenario defaults = Scenario.named("s").duration(seconds(10))
        .tier("db", kv().nodes(20).swim(ms(500))).build();
    assertThat(((dev.dsim.scenario.Tier.Kv) defaults.tiers().get("db")).store().swim())
        .isEqualTo(new dev.dsim.service.swim.SwimConfig(500_000_000L, 100_000_000L, 3));
  }

  @Test
  void scaleUpVsScaleOut_inJava_bindsToTheSameScenarios_variantByVariant() throws Exception {
    ScenarioBuilder contention = null;
    ScenarioBuilder java = Scenario.named("scale-up-vs-scale-out")
        .description(file("scale-up-vs-scale-out.json").resolve(null).description())
        .seed(7).duration(minutes(5)).warmup(seconds(20))
        .network(network().latency(lognormal(us(300), ms(2))))
        .clients(openLoop(600).reads(0.9).keys(5000).timeout(seconds(1)))
        .loadBalancer(loadBalancer().policy(LbPolicy.ROUND_ROBIN)
            .healthCheck(ms(500), ms(1500)))
        .tier("web", stateless().nodes(8).cores(2).work(exponential(ms(12))).calls("db")
            .callTimeout(ms(400)))
        .tier("db", kv().nodes(4).cores(4).replication(1).heartbeat(ms(500), ms(1500))
            .disk(disk().read(us(100)).write(us(200)).fsync(ms(1))))
        .randomFault(randomCrashes(minutes(5), seconds(20)).targets("web", "db").maxDown(3))
        .variant("scale-up", patch().loadBalancer(loadBalancer().withoutHealthCheck())
            .tier("web", stateless().nodes(1).cores(16))
            .tier("db", kv().nodes(1).cores(16)))
        .variant("scale-up-contention", patch()
            .loadBalancer(loadBalancer().withoutHealthCheck())
            .tier("web", stateless().nodes(1).cores(16).contention(0.03, 0.0005))
            .tier("db", kv().nodes(1).cores(16).contention(0.03, 0.0005)))
        .variant("scale-out-no-health-checks",
            patch().loadBalancer(loadBalancer().withoutHealthCheck()))
        .variant("scale-out", patch())
        .variant("scale-out-replicated",
            patch().tier("db", kv().nodes(6).replication(3).quorums(2, 2)));
    ScenarioFile fromJava = java.buildFile();
    ScenarioFile fromFile = file("scale-up-vs-scale-out.json");
    assertThat(fromJava.variantNames()).isEqualTo(fromFile.variantNames());
    assertThat(fromJava.resolve(null)).isEqualTo(fromFile.resolve(null));
    for (String v : fromFile.variantNames()) {
      assertThat(fromJava.resolve(v)).as(v).isEqualTo(fromFile.resolve(v));
    }
    assertThat(java.build("scale-up").tiers().get("web").hardware().cores()).isEqualTo(16);
  }

  @Test
  void everySection_writesTheKeysOfTheFormat() throws Exception {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("a", 1);
    settings.put("b", null);
    ScenarioBuilder b = Scenario.named("all").duration(minutes(10)).warmup(minutes(1))
        .network(network().latency(uniform(us(100), ms(1))).loss(0.001).duplicate(0.01)
            .bandwidth(gbps(10)).messageSize(kib(4)).corrupt(0.002).checksums(true)
            .link(linkBetween("lb", "web").latency(ms(10)).bandwidth(gbps(1)))
            .link(linkFrom(java.util.List.of("web-1", "web-2"), java.util.List.of("db"))
                .loss(0.1)))
        .clients(openLoop(step(seconds(0), 100), rampTo(minutes(5), 400))
            .arrival(Arrival.CONSTANT).reads(0.8).keys(500).keyDist(uniformKeys())
            .valueSize(bytes(512)).timeout(ms(200)).retries(2)
            .backoff(ms(10), seconds(1), RetryPolicy.Jitter.EQUAL).hedge(ms(50)))
        .loadBalancer(loadBalancer().policy(LbPolicy.POWER_OF_TWO_CHOICES).nodes(2))
        .tier("web", stateless().nodes(3).speed(2).maxCores(8).price(0.2)
            .work(normal(ms(5), ms(1))).clock(seconds(-2), 200).calls("db")
            .callTimeout(ms(100)).callRetries(2))
        .tier("files", staticFiles().work(pareto(ms(1), 1.5)).files(100).fileSize(mib(1))
            .disk(disk().capacity(gib(1)).checksums(true).tornWrites(true)))
        .tier("db", kv().nodes(4).shards(16).placement(Placement.Strategy.HASH)
            .sloppy(true).readRepair(false).fsyncNever().timeout(ms(300)).work(constant(us(50))))
        .tier("own", process("com.example.Own").settings(settings))
        .fault(at(minutes(1)).isolate("web-1").lasting(seconds(30)))
        .fault(at(minutes(2)).slow(10, randomNodeOf("web")).resource(SlowResource.CPU))
        .fault(at(minutes(3)).degrade("web-2").latency(ms(5)).loss(0.1).lasting(minutes(1)))
        .fault(at(minutes(4)).corrupt("files-1").blocks(3).sectors(1))
        .fault(at(minutes(5)).clockJump(seconds(-2), "web-3"))
        .fault(at(minutes(6)).clockDrift(500, "web-1", "web-2").lasting(minutes(1)))
        .fault(at(minutes(7)).partition(java.util.List.of("web"), java.util.List.of("db"))
            .oneWay(true))
        .randomFault(every(hours(2)).partition(minutes(1)).targets("web", "db"))
        .randomFault(atRate(2, minutes(10)).slow(seconds(30), 5).resource(SlowResource.DISK))
        .randomFault(every(hours(1)).corrupt().blocks(2))
        .randomFault(every(hours(3)).clockJump(seconds(1)))
        .swarm(true)
        .expect(Metric.LATENCY_MS_P99, lessThan(200));
    assertThat(JSON.readTree(b.toJson())).isEqualTo(JSON.readTree("""
        {"name": "all", "duration": "10m", "warmup": "1m",
         "network": {"latency": {"dist": "uniform", "min": "100us", "max": "1ms"},
           "loss": 0.001, "duplicate": 0.01, "bandwidth": "10Gbit/s", "messageSize": "4KiB",
           "corrupt": 0.002, "checksums": true,
           "links": [{"between": ["lb", "web"], "latency": "10ms", "bandwidth": "1Gbit/s"},
                     {"from": ["web-1", "web-2"], "to": "db", "loss": 0.1}]},
         "clients": {"rate": [{"at": "0s", "rate": 100}, {"at": "5m", "rate": 400, "ramp": true}],
           "arrival": "constant", "reads": 0.8, "keys": 500, "keyDist": "uniform",
           "valueSize": "512B", "timeout": "200ms", "retries": 2,
           "backoff": {"base": "10ms", "max": "1s", "jitter": "equal"}, "hedge": "50ms"},
         "loadBalancer": {"policy": "power-of-two-choices", "nodes": 2},
         "tiers": {
           "web": {"kind": "stateless", "nodes": 3, "speed": 2, "maxCores": 8, "price": 0.2,
             "work": {"dist": "normal", "mean": "5ms", "stddev": "1ms"},
             "clock": {"offset": "-2s", "driftPpm": 200}, "calls": "db", "callTimeout": "100ms",
             "callRetries": 2},
           "files": {"kind": "static", "work": {"dist": "pareto", "scale": "1ms", "shape": 1.5},
             "files": 100, "fileSize": "1MiB",
             "disk": {"capacity": "1GiB", "checksums": true, "tornWrites": true}},
           "db": {"kind": "kv", "nodes": 4, "shards": 16, "placement": "hash", "sloppy": true,
             "readRepair": false, "fsync": "never", "timeout": "300ms", "work": "50us"},
           "own": {"kind": "process", "class": "com.example.Own", "settings": {"a": 1, "b": null}}},
         "faults": {
           "schedule": [
             {"at": "1m", "isolate": "web-1", "for": "30s"},
             {"at": "2m", "slow": "random:web", "factor": 10, "resource": "cpu"},
             {"at": "3m", "degrade": "web-2", "latency": "5ms", "loss": 0.1, "for": "1m"},
             {"at": "4m", "corrupt": "files-1", "blocks": 3, "sectors": 1},
             {"at": "5m", "clockJump": "web-3", "by": "-2s"},
             {"at": "6m", "clockDrift": ["web-1", "web-2"], "ppm": 500, "for": "1m"},
             {"at": "7m", "partition": [["web"], ["db"]], "oneWay": true}],
           "random": {
             "partition": {"mtbf": "2h", "for": "1m", "targets": ["web", "db"]},
             "slow": {"rate": "2/10m", "for": "30s", "factor": 5, "resource": "disk"},
             "corrupt": {"mtbf": "1h", "blocks": 2},
             "clockJump": {"mtbf": "3h", "by": "1s"}},
           "swarm": true},
         "expect": {"latencyMs.p99": "< 200"}}
        """));
  }

  @Test
  void aBadValue_failsAtItsJsonPath_likeAFile() {
    assertThatThrownBy(() -> Scenario.named("bad").duration(seconds(10)).clients(openLoop(10))
        .tier("web", stateless().nodes(0).work(ms(1))).build())
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("at tiers.web.nodes: expected a whole number >= 1");
    assertThatThrownBy(() -> webKv().tier("db", kv().quorums(4, 2)).warmup(minutes(3)).build())
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("tiers.db.readQuorum").hasMessageContaining("warmup");
  }

  @Test
  void aVariantMistake_isLocatedInTheVariant() {
    assertThatThrownBy(() -> webKv().variant("tiny", patch().tier("web", stateless().cores(0)))
        .buildFile())
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("at tiers.web.cores (from variant 'tiny')");
  }

  @Test
  void withoutHealthCheck_inTheBaseScenario_leavesTheKeyOut() throws Exception {
    ScenarioBuilder b = Scenario.named("x").duration(seconds(1))
        .loadBalancer(loadBalancer().healthCheck(seconds(1), seconds(3)))
        .loadBalancer(loadBalancer().withoutHealthCheck())
        .tier("web", stateless().work(ms(1)));
    assertThat(JSON.readTree(b.toJson()).get("loadBalancer").has("healthCheck")).isFalse();
    assertThat(b.build().loadBalancer()).isEqualTo(Scenario.named("x").duration(seconds(1))
        .tier("web", stateless().work(ms(1))).build().loadBalancer());
  }

  @Test
  void durations_writeTheCanonicalString_exactly() throws Exception {
    assertThat(ms(8).text()).isEqualTo("8ms");
    assertThat(seconds(1.5).text()).isEqualTo("1.5s");
    assertThat(ms(1500).text()).isEqualTo("1.5s");
    assertThat(ms(0.5).text()).isEqualTo("500us");
    assertThat(us(250).text()).isEqualTo("250us");
    assertThat(ns(1_234_567).text()).isEqualTo("1234.567us");
    assertThat(ns(7).text()).isEqualTo("7ns");
    assertThat(seconds(0).text()).isEqualTo("0s");
    assertThat(seconds(-2).text()).isEqualTo("-2s");
    assertThat(minutes(2).text()).isEqualTo("2m");
    assertThat(hours(36).text()).isEqualTo("1.5d");
    assertThat(Duration.of(java.time.Duration.ofMillis(250))).isEqualTo(ms(250));
    for (long nanos : new long[] {1, 999, 1_001, 1_234_567, 1_500_000_000L, 86_400_000_000_001L,
        -3_000_000L, 123_456_789_012_345L}) {
      assertThat(dev.dsim.engine.Durations.parse(ns(nanos).text())).as("%d ns", nanos)
          .isEqualTo(nanos);
    }
  }

  @Test
  void sizesAndBandwidths_writeTheCanonicalString() {
    assertThat(kib(4).text()).isEqualTo("4KiB");
    assertThat(bytes(4096).text()).isEqualTo("4KiB");
    assertThat(mib(64).text()).isEqualTo("64MiB");
    assertThat(gb(10).text()).isEqualTo("10GB");
    assertThat(bytes(1500).text()).isEqualTo("1500B");
    assertThat(bytes(0).text()).isEqualTo("0B");
    assertThat(kb(1.5).text()).isEqualTo("1500B");
    assertThat(gbps(10).text()).isEqualTo("10Gbit/s");
    assertThat(mbps(100).text()).isEqualTo("100Mbit/s");
    assertThat(mbps(1.5).text()).isEqualTo("1500kbit/s");
    assertThat(bps(1234).text()).isEqualTo("1234bit/s");
    for (long b : new long[] {1, 1000, 1024, 1536, 10_000_000_000L, 3L << 40}) {
      assertThat(Quantities.bytes(bytes(b).text())).isEqualTo(b);
      assertThat(Quantities.bitsPerSecond(bps(b).text())).isEqualTo((double) b);
    }
    assertThatThrownBy(() -> bytes(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void conditions_writeTheShortestNumber() {
    assertThat(atLeast(0.999).text()).isEqualTo(">= 0.999");
    assertThat(lessThan(200).text()).isEqualTo("< 200");
    assertThat(equalTo(0).text()).isEqualTo("== 0");
    assertThat(moreThan(1e-4).text()).isEqualTo("> 0.0001");
    assertThat(atMost(2.5).text()).isEqualTo("<= 2.5");
    assertThat(notEqualTo(-1).text()).isEqualTo("!= -1");
  }

  private static final String WEB_KV_DESCRIPTION = "The three-tier system of the scenario "
      + "format's example: clients, a load balancer with health checks, eight stateless web "
      + "nodes, each request calling a three-way replicated key-value store (R=W=2, heartbeats, "
      + "checksums). Zipf-distributed keys, one retry. Over two minutes a web node crashes, then "
      + "one replica is partitioned from the other two: the load balancer routes around the "
      + "first, the quorums absorb the second, and the checkers find no lost writes and no stale "
      + "reads. This is also the benchmark scenario for the whole stack (StackBenchmark).";
}
