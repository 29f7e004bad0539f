package dev.dsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a space-time (Lamport) diagram of a trace window shows, read from the trace's lines:
 * the nodes, every message from its send to its arrival (or its drop), the time each node was
 * down, the faults that cut the network, and the client operations. Pure data, no drawing
 * ({@link SpaceTimeDiagram} draws it), so it is tested without parsing SVG.
 *
 * <p>It knows only what the trace says: a message sent before the window starts at the window's
 * top, one still in flight at its end runs off the bottom.
 *
 * @param nodes lifelines, left to right
 * @param fromNanos top of the diagram
 * @param toNanos bottom of the diagram
 * @param truncated messages left out beyond {@link #MAX_ARROWS}
 */
record SpaceTime(List<String> nodes, long fromNanos, long toNanos, List<Arrow> arrows,
    List<Band> downs, List<Band> faults, List<Bar> operations, int truncated) {
  /** A limit on everything: beyond this many messages a diagram is no longer legible anyway. */
  static final int MAX_ARROWS = 3000;

  /** What became of a message. */
  enum Fate {
    /** A process received it. */
    DELIVERED,
    /** It arrived, but its receiver was down, restarted or cut off: no process got it. */
    REFUSED,
    /** It never got onto the wire (a partition, random loss, a checksum). */
    DROPPED,
    /** Still on its way at the end of the window. */
    IN_FLIGHT
  }

  /**
   * One message (one arrow per delivery: a duplicate gets its own).
   *
   * @param key the payload's key, or null
   * @param label what the message was, for its tooltip
   */
  record Arrow(long msg, String from, String to, long sentNanos, long arrivedNanos, Fate fate,
      String reason, boolean corrupt, String type, String key, String label) {}

  /** A node down ({@code node} set) or a fault in force ({@code node} null), over a time span. */
  record Band(String node, long fromNanos, long toNanos, String kind, String label) {}

  /**
   * A client operation, from invocation to completion, on its client's lifeline.
   *
   * @param outcome OK, FAILED, TIMED_OUT, or null when still open at the window's end
   * @param violating one of the operations the consistency checkers report
   */
  record Bar(String node, long fromNanos, long toNanos, String op, String key, String outcome,
      String label, boolean violating) {}

  /** A violating operation the checkers reported: its key and when it was invoked. */
  record Highlight(int key, long invokedAtNanos) {}

  private static final Set<String> ENVELOPE = Set.of("t", "kind", "node", "from", "to", "msg",
      "sent", "accepted", "reason", "type");

  /**
   * Reads the diagram out of a window's lines.
   *
   * @param nodes every node of the run, in order
   * @param traced the nodes whose lines the trace holds (--node), or null for every node; the
   *     lifelines are every node, or these and the nodes they exchanged messages with
   * @param fromNanos the window's start (or the first line's time, if later)
   * @param toNanos the window's end (Long.MAX_VALUE: the last line's time)
   */
  static SpaceTime of(List<TraceLine> lines, List<String> nodes, Set<String> traced,
      long fromNanos, long toNanos, List<Highlight> highlights) {
    boolean allNodes = traced == null;
    long first = lines.isEmpty() ? fromNanos : lines.get(0).tNanos();
    long last = lines.isEmpty() ? fromNanos : lines.get(lines.size() - 1).tNanos();
    long top = Math.min(Math.max(fromNanos, 0), first);
    long bottom = toNanos == Long.MAX_VALUE ? last : Math.max(toNanos, last);
    Builder b = new Builder(top, bottom, highlights, traced);
    for (TraceLine l : lines) {
      b.add(l);
    }
    Set<String> seen = b.mentioned;
    List<String> lifelines = new ArrayList<>();
    for (String n : nodes) {
      if (allNodes || seen.contains(n)) {
        lifelines.add(n);
      }
    }
    for (String n : seen) {
      if (!lifelines.contains(n)) {
        lifelines.add(n); // a name the caller did not list: still drawn, never lost
      }
    }
    return b.finish(lifelines);
  }

  /** Assembles the diagram line by line. */
  private static final class Builder {
    final long top;
    final long bottom;
    final List<Highlight> highlights;
    final Set<String> mentioned = new LinkedHashSet<>();
    final List<Arrow> arrows = new ArrayList<>();
    final List<Band> downs = new ArrayList<>();
    final List<Band> faults = new ArrayList<>();
    final List<Bar> ops = new ArrayList<>();
    /** Sends not yet delivered or dropped, by message number. */
    final Map<Long, TraceLine> open = new LinkedHashMap<>();
    /** Sends with at least one delivery (a duplicate may still come). */
    final Set<Long> arrived = new java.util.HashSet<>();
    final Map<String, Long> downSince = new LinkedHashMap<>();
    final Map<Long, TraceLine> struck = new LinkedHashMap<>();
    final Map<String, TraceLine> invoked = new LinkedHashMap<>();
    int truncated;

    /** Nodes whose lines the trace holds, or null for all. */
    final Set<String> traced;

    Builder(long top, long bottom, List<Highlight> highlights, Set<String> traced) {
      this.top = top;
      this.bottom = bottom;
      this.highlights = List.copyOf(highlights);
      this.traced = traced;
    }

    void add(TraceLine l) {
      if (l.node() != null) {
        mentioned.add(l.node());
      }
      switch (l.kind()) {
        case "send" -> {
          mention(l);
          open.put(l.number("msg", -1), l);
        }
        case "drop" -> {
          TraceLine s = open.remove(l.number("msg", -1));
          arrow(l, s == null ? l.tNanos() : s.tNanos(), l.tNanos(), Fate.DROPPED);
        }
        case "deliver" -> {
          mention(l);
          long msg = l.number("msg", -1);
          open.remove(msg);
          arrived.add(msg);
          arrow(l, Math.max(top, l.number("sent", top)), l.tNanos(),
              l.flag("accepted") ? Fate.DELIVERED : Fate.REFUSED);
        }
        case "crash" -> downSince.put(l.node(), l.tNanos());
        case "restart" -> {
          Long since = downSince.remove(l.node());
          downs.add(new Band(l.node(), since == null ? top : since, l.tNanos(), "down",
              l.node() + " down" + (since == null ? " (crashed before the window)" : "")));
        }
        case "struck" -> {
          if (!"crash".equals(l.text("fault"))) { // a crash shows as the node's down band
            struck.put(l.number("id", -1), l);
          }
        }
        case "healed" -> {
          TraceLine s = struck.remove(l.number("id", -1));
          if (s != null) {
            faults.add(fault(s, l.tNanos()));
          }
        }
        case "op-invoke" -> invoked.put(l.node() + "/" + l.number("clientOp", -1), l);
        case "op-complete" -> {
          TraceLine i = invoked.remove(l.node() + "/" + l.number("clientOp", -1));
          ops.add(bar(i, l));
        }
        default -> { } // timers, disk and CPU events: on no arrow or band
      }
    }

    private void mention(TraceLine l) {
      if (l.text("from") != null) {
        mentioned.add(l.text("from"));
      }
      if (l.text("to") != null) {
        mentioned.add(l.text("to"));
      }
    }

    private void arrow(TraceLine l, long sent, long arrived, Fate fate) {
      if (arrows.size() >= MAX_ARROWS) {
        truncated++;
        return;
      }
      arrows.add(new Arrow(l.number("msg", -1), l.text("from"), l.text("to"), sent, arrived,
          fate, l.text("reason"), l.flag("corrupt") || l.flag("damaged"), l.text("type"),
          l.text("key"), label(l, fate)));
    }

    private static String label(TraceLine l, Fate fate) {
      StringBuilder s = new StringBuilder(message(l));
      s.append(switch (fate) {
        case DELIVERED -> "";
        case REFUSED -> " (arrived, not received: " + l.text("reason") + ")";
        case DROPPED -> " (dropped: " + l.text("reason") + ")";
        case IN_FLIGHT -> " (still in flight)";
      });
      return s.toString();
    }

    private Band fault(TraceLine s, long healedNanos) {
      String kind = s.text("fault");
      boolean cut = "partition".equals(kind) || "isolate".equals(kind);
      return new Band(null, s.tNanos(), healedNanos, cut ? "partition" : "fault",
          kind + " " + s.text("targets"));
    }

    private Bar bar(TraceLine invoke, TraceLine complete) {
      TraceLine at = invoke != null ? invoke : complete;
      String key = invoke == null ? null : invoke.text("key");
      long from = invoke == null ? top : invoke.tNanos();
      long to = complete == null ? bottom : complete.tNanos();
      String op = invoke == null ? "operation" : invoke.text("op");
      String outcome = complete == null ? null : complete.text("outcome");
      boolean violating = false;
      if (invoke != null && key != null) {
        for (Highlight h : highlights) {
          violating |= String.valueOf(h.key()).equals(key)
              && Math.abs(h.invokedAtNanos() - from) <= 1_000;
        }
      }
      String label = op + (key == null ? "" : " key " + key)
          + (invoke != null && invoke.json().has("value")
              ? " value " + hex(invoke.json().get("value")) : "")
          + (complete != null && complete.json().has("value")
              ? " read " + hex(complete.json().get("value")) : "")
          + " \u2192 " + (outcome == null ? "still open" : outcome)
          + (violating ? " (a violation the checkers report)" : "");
      return new Bar(at.node(), from, to, op, key, outcome, label, violating);
    }

    SpaceTime finish(List<String> lifelines) {
      for (TraceLine s : open.values()) {
        // A message to a node the trace leaves out (--node) may well have arrived: the trace
        // cannot say, so it is not drawn as in flight.
        boolean knowable = traced == null || traced.contains(s.text("to"));
        if (!arrived.contains(s.number("msg", -1)) && knowable) {
          arrow(s, s.tNanos(), bottom, Fate.IN_FLIGHT);
        }
      }
      for (Map.Entry<String, Long> d : downSince.entrySet()) {
        downs.add(new Band(d.getKey(), d.getValue(), bottom, "down", d.getKey() + " down"));
      }
      for (TraceLine s : struck.values()) {
        faults.add(fault(s, bottom));
      }
      for (TraceLine i : invoked.values()) {
        ops.add(bar(i, null));
      }
      return new SpaceTime(List.copyOf(lifelines), top, bottom, List.copyOf(arrows),
          List.copyOf(downs), List.copyOf(faults), List.copyOf(ops), truncated);
    }
  }

  SpaceTime {
    Objects.requireNonNull(nodes, "nodes");
  }

  /** A message line in words: {@code Request #7 lb → web-1 req=3 op=READ}. */
  static String message(TraceLine l) {
    StringBuilder s = new StringBuilder();
    s.append(l.text("type")).append(" #").append(l.number("msg", -1)).append(' ')
        .append(l.text("from")).append(" \u2192 ").append(l.text("to"));
    Iterator<Map.Entry<String, JsonNode>> it = l.json().fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!ENVELOPE.contains(f.getKey())) {
        s.append(' ').append(f.getKey()).append('=').append(f.getKey().equals("value")
            ? hex(f.getValue()) : f.getValue().asText());
      }
    }
    return s.toString();
  }

  /** A value as results.json writes it (unsigned hex), so the two can be compared. */
  static String hex(JsonNode value) {
    return value.isIntegralNumber() ? Long.toHexString(value.asLong()) : value.asText();
  }

  /** Arrows of one fate. */
  long count(Fate fate) {
    return arrows.stream().filter(a -> a.fate() == fate).count();
  }
}
