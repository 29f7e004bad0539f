package dev.dsim.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trace window in ShiViz's log format (https://bestchai.bitbucket.io/shiviz/), for readers
 * who want its interactive diagram: the first line is the parsing expression (ShiViz's default,
 * written out), the second the empty execution delimiter, then two lines per event: what
 * happened, then {@code host {"host":n,...}}, its vector clock.
 *
 * <p>Events are the window's sends, receptions, drops, crashes, restarts and client operations;
 * a reception merges the clock its message carried when it was sent in the window (one sent
 * before the window carries nothing). A message that arrived but reached no process, or never
 * left, is an event on its receiver or sender that merges nothing: no process learnt from it.
 */
final class ShiVizLog {
  static final String PATTERN = "(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})";

  private final StringBuilder out = new StringBuilder();
  /** Each host's vector clock, hosts sorted by name so every clock prints in the same order. */
  private final Map<String, Map<String, Long>> clocks = new HashMap<>();
  /** The sender's clock at each send, by message number. */
  private final Map<Long, Map<String, Long>> carried = new HashMap<>();

  private ShiVizLog() {}

  static String of(List<TraceLine> lines) {
    ShiVizLog log = new ShiVizLog();
    log.out.append(PATTERN).append("\n\n");
    for (TraceLine l : lines) {
      log.add(l);
    }
    return log.out.toString();
  }

  private void add(TraceLine l) {
    switch (l.kind()) {
      case "send" -> carried.put(l.number("msg", -1), new TreeMap<>(event(l.text("from"),
          l, "send " + message(l), null)));
      case "drop" -> event(l.text("from"), l, "dropped (" + l.text("reason") + ") "
          + message(l), null);
      case "deliver" -> {
        boolean accepted = l.flag("accepted");
        event(l.text("to"), l, (accepted ? "receive " : "arrived, not received ("
            + l.text("reason") + ") ") + message(l),
            accepted ? carried.get(l.number("msg", -1)) : null);
      }
      case "crash", "restart" -> event(l.node(), l, l.kind(), null);
      case "op-invoke" -> event(l.node(), l, "invoke " + l.text("op")
          + (l.text("key") == null ? "" : " key " + l.text("key")) + " (operation "
          + l.number("clientOp", -1) + ")", null);
      case "op-complete" -> event(l.node(), l, "complete operation "
          + l.number("clientOp", -1) + ": " + l.text("outcome"), null);
      default -> { } // timers, disk, CPU: local detail ShiViz would only crowd
    }
  }

  private static String message(TraceLine l) {
    return SpaceTime.message(l);
  }

  /** Ticks {@code host}'s clock (merging {@code merge} first) and writes the event. */
  private Map<String, Long> event(String host, TraceLine l, String what,
      Map<String, Long> merge) {
    if (host == null) {
      return Map.of();
    }
    Map<String, Long> c = clocks.computeIfAbsent(host, h -> new TreeMap<>());
    if (merge != null) {
      merge.forEach((h, n) -> c.merge(h, n, Math::max));
    }
    c.merge(host, 1L, Long::sum);
    out.append(SpaceTimeDiagram.seconds(l.tNanos())).append(' ')
        .append(what.replace('\n', ' ')).append('\n').append(host).append(' ')
        .append(json(c)).append('\n');
    return c;
  }

  private static String json(Map<String, Long> clock) {
    StringBuilder s = new StringBuilder("{");
    Map<String, Long> ordered = new LinkedHashMap<>(clock);
    ordered.forEach((h, n) -> s.append(s.length() == 1 ? "" : ", ").append('"')
        .append(h.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":").append(n));
    return s.append('}').toString();
  }
}
