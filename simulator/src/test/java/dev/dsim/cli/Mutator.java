package dev.dsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damages scenario text the ways a hostile or careless user would, as a pure function of the
 * text, the mutation and a seeded {@link Random} (test helper for {@link ScenarioFuzzTest}).
 */
final class Mutator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] BAD_UNITS = {"10", "10 parsecs", "-5s", "1e400s", "NaNms",
      "∞", "", "5 m s", "0x10ms", "1/0", "10Gbps", "-1KiB", "1e30B", "99999999999d", "1.5.2s",
      "random:", "random:nope", "  ", "\u0000", "ms"};
  private static final String[] NUMBERS = {"0", "-1", "1e308", "-1e308", "9223372036854775807",
      "9223372036854775808", "1e-320", "1.5", "2147483648", "-0.0", "1e999", "4096.0000001",
      "1" + "0".repeat(90), "0.1e-99"};
  private static final String[] COUNTS = {"nodes", "cores", "keys", "shards", "replication",
      "users", "files", "vnodes", "callRetries", "retries", "maxDown", "blocks", "sectors",
      "readQuorum", "writeQuorum", "maxCores"};
  private static final long[] HUGE = {100_000_000L, 1_000_000_000_000L, 100_001L, 10_001L,
      4_097L, 2_147_483_648L, Long.MAX_VALUE};

  private Mutator() {}

  static byte[] mutate(String text, ScenarioFuzzTest.Mutation kind, Random r, boolean shorten)
      throws IOException {
    JsonNode tree = JSON.readTree(text);
    if (shorten && tree instanceof ObjectNode o) {
      // A shipped scenario shortened to two seconds runs within the fuzzer's event bound.
      o.put("duration", "2s");
      o.remove("warmup");
    }
    String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    return switch (kind) {
      case TYPE_SWAP -> utf8(replaceRandomValue(tree, r, randomValue(r)));
      case DELETE -> utf8(delete(tree, r));
      case EXTREME_NUMBER -> utf8(rawNumber(tree, r));
      case BAD_UNIT -> utf8(replaceRandomString(tree, r, F.textNode(pick(r, BAD_UNITS))));
      case UNKNOWN_REFERENCE -> utf8(unknownReference(tree, r));
      case HUGE_COUNT -> utf8(hugeCount(tree, r));
      case TRUNCATE -> truncate(json.getBytes(StandardCharsets.UTF_8), r);
      case BOM -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(json));
      case UTF16 -> json.getBytes(pick(r, new Charset[] {StandardCharsets.UTF_16,
          StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("UTF-32LE")}));
      case LATIN1 -> latin1(tree);
      case INVALID_UTF8 -> insert(utf8(json), r, pick(r, new byte[][] {{(byte) 0xC3, 0x28},
          {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80},
          {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}}));
      case NUL_BYTES -> insert(utf8(json), r, new byte[] {0});
      case STRAY_CHARACTER -> insert(utf8(json), r,
          utf8(pick(r, new String[] {",", "}", "{", "\"", "]", ":", "//", "'", "\\"})));
      case DEEP_NESTING -> utf8(set(tree, "description", "[".repeat(80 + r.nextInt(100))
          + "]".repeat(80)));
      case LONG_STRING -> utf8(set(tree, "description", "\"" + "x".repeat(70_000) + "\""));
    };
  }

  // ---- tree mutations

  /** Every (container, key or index) in the tree, in document order. */
  private record Slot(JsonNode parent, String key, int index) {}

  private static List<Slot> slots(JsonNode n, List<Slot> out) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      for (String k : names) {
        out.add(new Slot(n, k, -1));
        slots(n.get(k), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(new Slot(n, null, i));
        slots(n.get(i), out);
      }
    }
    return out;
  }

  private static JsonNode get(Slot s) {
    return s.key != null ? s.parent.get(s.key) : s.parent.get(s.index);
  }

  private static void put(Slot s, JsonNode v) {
    if (s.key != null) {
      ((ObjectNode) s.parent).set(s.key, v);
    } else {
      ((ArrayNode) s.parent).set(s.index, v);
    }
  }

  private static String replaceRandomValue(JsonNode tree, Random r, JsonNode v) {
    List<Slot> all = slots(tree, new ArrayList<>());
    put(all.get(r.nextInt(all.size())), v);
    return write(tree);
  }

  private static String replaceRandomString(JsonNode tree, Random r, JsonNode v) {
    List<Slot> strings = new ArrayList<>();
    for (Slot s : slots(tree, new ArrayList<>())) {
      if (get(s).isTextual()) {
        strings.add(s);
      }
    }
    if (strings.isEmpty()) {
      return write(tree);
    }
    put(strings.get(r.nextInt(strings.size())), v);
    return write(tree);
  }

  private static JsonNode randomValue(Random r) {
    return switch (r.nextInt(7)) {
      case 0 -> F.textNode("x");
      case 1 -> F.numberNode(7);
      case 2 -> F.booleanNode(true);
      case 3 -> F.nullNode();
      case 4 -> F.arrayNode();
      case 5 -> F.objectNode();
      default -> F.arrayNode().add("web-1").add(3);
    };
  }

  private static String delete(JsonNode tree, Random r) {
    List<Slot> all = slots(tree, new ArrayList<>());
    Slot s = all.get(r.nextInt(all.size()));
    if (s.key != null) {
      ((ObjectNode) s.parent).remove(s.key);
    } else {
      ((ArrayNode) s.parent).remove(s.index);
    }
    return write(tree);
  }

  /** A number written as raw JSON text (so 1e999 and 9223372036854775808 stay as typed). */
  private static String rawNumber(JsonNode tree, Random r) {
    String marker = "\"@@number@@\"";
    replaceRandomValue(tree, r, F.textNode("@@number@@"));
    return write(tree).replace(marker, pick(r, NUMBERS));
  }

  private static String unknownReference(JsonNode tree, Random r) {
    ObjectNode root = (ObjectNode) tree;
    switch (r.nextInt(4)) {
      case 0 -> {
        ObjectNode faults = root.has("faults") && root.get("faults").isObject()
            ? (ObjectNode) root.get("faults") : root.putObject("faults");
        ArrayNode schedule = faults.has("schedule") && faults.get("schedule").isArray()
            ? (ArrayNode) faults.get("schedule") : faults.putArray("schedule");
        schedule.addObject().put("at", "1s").put(pick(r, new String[] {"crash", "slow",
            "isolate", "corrupt"}), pick(r, new String[] {"ghost-7", "web-999", "random:none",
            "db-0", "client-2", "lb-3"}));
      }
      case 1 -> {
        JsonNode tiers = root.path("tiers");
        if (tiers.isObject() && tiers.size() > 0) {
          ((ObjectNode) tiers.elements().next()).put("calls", "missing");
        }
      }
      case 2 -> root.putObject("network").putArray("links").addObject()
          .put("from", "nowhere-1").put("to", "web").put("latency", "1ms");
      default -> root.putObject("variants").putObject("v").putObject("tiers")
          .putObject("ghost").put("kind", "stateless");
    }
    return write(tree);
  }

  private static String hugeCount(JsonNode tree, Random r) {
    ObjectNode root = (ObjectNode) tree;
    switch (r.nextInt(6)) {
      case 0 -> {
        // A count key on a random object: tier, clients, balancer, fault.
        List<ObjectNode> objects = new ArrayList<>();
        for (Slot s : slots(tree, new ArrayList<>())) {
          if (get(s).isObject()) {
            objects.add((ObjectNode) get(s));
          }
        }
        if (!objects.isEmpty()) {
          objects.get(r.nextInt(objects.size())).put(pick(r, COUNTS), HUGE[r.nextInt(
              HUGE.length)]);
        }
      }
      case 1 -> {
        ObjectNode variants = root.putObject("variants");
        int n = 2_001 + r.nextInt(1_000); // beyond the limit: refused before any run
        for (int i = 0; i < n; i++) {
          variants.putObject("v" + i).putObject("tiers");
        }
      }
      case 2 -> {
        ArrayNode schedule = root.putObject("faults").putArray("schedule");
        int n = 9_000 + r.nextInt(3_000);
        for (int i = 0; i < n; i++) {
          schedule.addObject().put("at", i + "ms").put("crash", "client-1");
        }
      }
      case 3 -> root.put("duration", pick(r, new String[] {"10000d", "100000d", "1h"}));
      case 4 -> root.putObject("clients").put("rate", pick(r, new Double[] {1e12, 1e7, 1e300}));
      default -> {
        ObjectNode tiers = root.putObject("tiers");
        int n = 90 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
          tiers.putObject("t" + i).put("kind", "stateless").put("work", "1ms")
              .put("nodes", 2_000);
        }
      }
    }
    return write(tree);
  }

  private static String set(JsonNode tree, String key, String rawJson) {
    ((ObjectNode) tree).put(key, "@@raw@@");
    return write(tree).replace("\"@@raw@@\"", rawJson);
  }

  private static byte[] latin1(JsonNode tree) {
    ((ObjectNode) tree).put("description", "café, naïve, señor: déjà vu");
    return write(tree).getBytes(StandardCharsets.ISO_8859_1);
  }

  // ---- byte mutations

  private static byte[] truncate(byte[] b, Random r) {
    return java.util.Arrays.copyOf(b, r.nextInt(b.length));
  }

  private static byte[] insert(byte[] b, Random r, byte[] what) {
    int at = r.nextInt(b.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, at);
    out.writeBytes(what);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String write(JsonNode tree) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T> T pick(Random r, T[] choices) {
    return choices[r.nextInt(choices.length)];
  }
}
