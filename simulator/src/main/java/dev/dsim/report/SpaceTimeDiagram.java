package dev.dsim.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * Draws a {@link SpaceTime} as an SVG Lamport diagram inside a self-contained HTML page: one
 * vertical lifeline per node, time running down, an arrow per message from its send to its
 * arrival, drops and corrupt messages marked, crashes as bands on the lifeline, partitions and
 * other faults as bands across the diagram, client operations as bars beside the client's
 * lifeline (the violating ones in red). Checkboxes hide nodes and a key box keeps one key's
 * messages and operations; the script is inline, the page needs no network.
 *
 * <p>Time is drawn in <em>event order</em>, not to scale: every distinct instant gets a row, so
 * a burst of messages within a microsecond stays as legible as one spread over a second; the
 * left margin prints the simulated time of the rows.
 */
final class SpaceTimeDiagram {
  private static final int ROW = 14;
  private static final int COLUMN = 120;
  private static final int LEFT = 120;
  private static final int TOP = 50;
  private static final int BOTTOM = 30;

  private final SpaceTime st;
  private final long[] times;
  private final StringBuilder svg = new StringBuilder();

  private SpaceTimeDiagram(SpaceTime st) {
    this.st = st;
    this.times = instants(st);
  }

  /** The whole page: title, summary, filters, legend and the diagram. */
  static String page(SpaceTime st, String title, String subtitle) {
    return new SpaceTimeDiagram(st).render(title, subtitle);
  }

  private static long[] instants(SpaceTime st) {
    long[] t = new long[2 + 2 * (st.arrows().size() + st.downs().size() + st.faults().size()
        + st.operations().size())];
    int n = 0;
    t[n++] = st.fromNanos();
    t[n++] = st.toNanos();
    for (SpaceTime.Arrow a : st.arrows()) {
      t[n++] = a.sentNanos();
      t[n++] = a.arrivedNanos();
    }
    for (SpaceTime.Band b : st.downs()) {
      t[n++] = b.fromNanos();
      t[n++] = b.toNanos();
    }
    for (SpaceTime.Band b : st.faults()) {
      t[n++] = b.fromNanos();
      t[n++] = b.toNanos();
    }
    for (SpaceTime.Bar b : st.operations()) {
      t[n++] = b.fromNanos();
      t[n++] = b.toNanos();
    }
    return Arrays.stream(t, 0, n).map(x -> Math.max(st.fromNanos(), Math.min(st.toNanos(), x)))
        .sorted().distinct().toArray();
  }

  private int y(long t) {
    int i = Arrays.binarySearch(times, Math.max(st.fromNanos(), Math.min(st.toNanos(), t)));
    return TOP + ROW * Math.max(i, 0);
  }

  private int x(String node) {
    int i = st.nodes().indexOf(node);
    return LEFT + COLUMN * Math.max(i, 0) + COLUMN / 2;
  }

  private int width() {
    return LEFT + COLUMN * Math.max(1, st.nodes().size()) + 20;
  }

  private int height() {
    return TOP + ROW * Math.max(1, times.length - 1) + BOTTOM;
  }

  private String render(String title, String subtitle) {
    drawSvg();
    StringBuilder p = new StringBuilder();
    p.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.esc(title)).append("</title>\n<style>").append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>").append(Html.esc(title)).append("</h1>\n<p>")
        .append(Html.esc(subtitle)).append("</p>\n<p class=\"summary\">")
        .append(summary()).append("</p>\n");
    if (st.truncated() > 0) {
      p.append("<p class=\"warning\">").append(st.truncated()).append(" more messages are not "
          + "drawn (at most ").append(SpaceTime.MAX_ARROWS).append("): narrow the window with "
          + "--from/--to or --node.</p>\n");
    }
    p.append("<form id=\"filters\" onsubmit=\"return false\"><fieldset><legend>Nodes</legend>");
    for (String n : st.nodes()) {
      p.append("<label><input type=\"checkbox\" class=\"node-filter\" value=\"")
          .append(Html.esc(n)).append("\" checked> ").append(Html.esc(n)).append("</label> ");
    }
    p.append("</fieldset><fieldset><legend>Key</legend><label>only key <input id=\"key-filter\""
        + " type=\"text\" size=\"8\" placeholder=\"any\"></label></fieldset></form>\n");
    p.append(LEGEND);
    p.append(svg);
    p.append(SCRIPT).append("</body>\n</html>\n");
    return p.toString();
  }

  private String summary() {
    return String.format(Locale.ROOT, "%d nodes; %d messages delivered, %d arrived but not "
        + "received, %d dropped, %d in flight at the end; %d down spans, %d faults, %d client "
        + "operations (%d violating).", st.nodes().size(), st.count(SpaceTime.Fate.DELIVERED),
        st.count(SpaceTime.Fate.REFUSED), st.count(SpaceTime.Fate.DROPPED),
        st.count(SpaceTime.Fate.IN_FLIGHT), st.downs().size(), st.faults().size(),
        st.operations().size(), st.operations().stream().filter(SpaceTime.Bar::violating).count());
  }

  private void drawSvg() {
    int w = width();
    int h = height();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"diagram\" width=\"").append(w)
        .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ')
        .append(h).append("\">\n").append(DEFS);
    for (SpaceTime.Band b : st.faults()) {
      int y1 = y(b.fromNanos());
      svg.append("<g class=\"band ").append(b.kind()).append("\"><rect x=\"").append(LEFT)
          .append("\" y=\"").append(y1).append("\" width=\"").append(w - LEFT - 20)
          .append("\" height=\"").append(Math.max(2, y(b.toNanos()) - y1)).append("\"/><text x=\"")
          .append(w - 24).append("\" y=\"").append(y1 + 11).append("\" text-anchor=\"end\">")
          .append(Html.esc(b.label())).append("</text><title>").append(Html.esc(b.label()))
          .append("</title></g>\n");
    }
    timeLabels();
    for (String n : st.nodes()) {
      int x = x(n);
      svg.append("<g class=\"node\" data-nodes=\"").append(Html.esc(n)).append("\"><text x=\"")
          .append(x).append("\" y=\"").append(TOP - 16).append("\" text-anchor=\"middle\">")
          .append(Html.esc(n)).append("</text><line class=\"lifeline\" x1=\"").append(x)
          .append("\" y1=\"").append(TOP - 8).append("\" x2=\"").append(x).append("\" y2=\"")
          .append(height() - BOTTOM + 8).append("\"/></g>\n");
    }
    for (SpaceTime.Band b : st.downs()) {
      int y1 = y(b.fromNanos());
      svg.append("<rect class=\"down\" data-nodes=\"").append(Html.esc(b.node())).append("\" x=\"")
          .append(x(b.node()) - 7).append("\" y=\"").append(y1).append("\" width=\"14\" height=\"")
          .append(Math.max(3, y(b.toNanos()) - y1)).append("\"><title>").append(Html.esc(b.label()))
          .append("</title></rect>\n");
    }
    operations();
    for (SpaceTime.Arrow a : st.arrows()) {
      arrow(a);
    }
    svg.append("</svg>\n");
  }

  private void timeLabels() {
    int every = 5;
    for (int i = 0; i < times.length; i += every) {
      int y = TOP + ROW * i;
      svg.append("<text class=\"time\" x=\"").append(LEFT - 8).append("\" y=\"").append(y + 4)
          .append("\" text-anchor=\"end\">").append(seconds(times[i])).append("</text>")
          .append("<line class=\"tick\" x1=\"").append(LEFT - 4).append("\" y1=\"").append(y)
          .append("\" x2=\"").append(LEFT).append("\" y2=\"").append(y).append("\"/>\n");
    }
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.6fs", nanos / 1e9);
  }

  private void operations() {
    // Concurrent operations of one client side by side: a few lanes, reused when free.
    int lanes = 4;
    java.util.Map<String, long[]> laneFree = new java.util.HashMap<>();
    for (SpaceTime.Bar b : st.operations()) {
      long[] free = laneFree.computeIfAbsent(b.node(), k -> new long[lanes]);
      int lane = 0;
      for (int i = 0; i < lanes; i++) {
        if (free[i] <= b.fromNanos()) {
          lane = i;
          break;
        }
        lane = (int) (b.fromNanos() % lanes); // every lane busy: overlap, deterministically
      }
      free[lane] = b.toNanos() + 1;
      int y1 = y(b.fromNanos());
      String cls = "op " + (b.outcome() == null ? "open" : b.outcome().toLowerCase(Locale.ROOT))
          + (b.violating() ? " violating" : "");
      svg.append("<rect class=\"").append(cls).append("\" data-nodes=\"")
          .append(Html.esc(b.node())).append("\" data-key=\"")
          .append(b.key() == null ? "" : Html.esc(b.key())).append("\" x=\"")
          .append(x(b.node()) - 16 - lane * 7).append("\" y=\"").append(y1)
          .append("\" width=\"5\" height=\"").append(Math.max(3, y(b.toNanos()) - y1))
          .append("\"><title>").append(Html.esc(b.label())).append("</title></rect>\n");
    }
  }

  private void arrow(SpaceTime.Arrow a) {
    int x1 = x(a.from());
    int y1 = y(a.sentNanos());
    int x2 = x(a.to());
    int y2 = y(a.arrivedNanos());
    if (a.fate() == SpaceTime.Fate.DROPPED) {
      x2 = (x1 + x2) / 2; // it never got far: half way, then a cross
      y2 = y1 + ROW / 2;
    } else if (a.from() != null && a.from().equals(a.to())) {
      x2 = x1 + 1; // a message to itself: a short drop along its own lifeline
    }
    String marker = a.fate() == SpaceTime.Fate.DELIVERED ? "arrow"
        : a.fate() == SpaceTime.Fate.IN_FLIGHT ? "arrow" : "cross";
    svg.append("<line class=\"msg ").append(a.fate().name().toLowerCase(Locale.ROOT).replace('_',
        '-')).append(a.corrupt() ? " corrupt" : "").append("\" data-nodes=\"")
        .append(Html.esc(a.from())).append(' ').append(Html.esc(a.to()))
        .append("\" data-key=\"").append(a.key() == null ? "" : Html.esc(a.key()))
        .append("\" x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"")
        .append(x2).append("\" y2=\"").append(y2).append("\" marker-end=\"url(#")
        .append(marker).append(")\"><title>").append(Html.esc(a.label()))
        .append("</title></line>\n");
  }

  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1.5em;
      color:#222}h1{font-size:1.4em;margin-bottom:.2em}
      fieldset{display:inline-block;border:1px solid #ddd;margin:0 .6em .6em 0;font-size:.85em}
      .warning{background:#fff4e5;border:1px solid #f0b35b;padding:.6em;font-weight:600}
      .legend span{display:inline-block;margin-right:1.2em;font-size:.85em}
      .sw{display:inline-block;width:22px;height:10px;vertical-align:middle;margin-right:4px}
      svg text{font-size:11px;font-family:ui-monospace,monospace}
      line.lifeline{stroke:#555;stroke-width:1.5}text.time{fill:#777;font-size:10px}
      line.tick{stroke:#999}
      line.msg{stroke-width:1.2}line.delivered{stroke:#1f5fa8}
      line.refused{stroke:#d9822b}line.dropped{stroke:#c62828}
      line.in-flight{stroke:#1f5fa8;stroke-dasharray:4 3}
      line.corrupt{stroke:#8e24aa;stroke-dasharray:2 2;stroke-width:2}
      rect.down{fill:#c62828;fill-opacity:.35;stroke:#c62828}
      g.band rect{fill:#f0b35b;fill-opacity:.18}g.band.partition rect{fill:#c62828;
      fill-opacity:.10}g.band text{fill:#8a5a00;font-size:10px}
      rect.op{fill:#2e7d32}rect.op.failed,rect.op.timed_out{fill:#777}rect.op.open{fill:#bbb}
      rect.op.violating{fill:#e00000;stroke:#000;stroke-width:1}
      .hidden{display:none}
      """;

  private static final String LEGEND = """
      <p class="legend"><span><i class="sw" style="background:#1f5fa8"></i>delivered</span>\
      <span><i class="sw" style="background:#d9822b"></i>arrived, not received (receiver down \
      or cut off)</span><span><i class="sw" style="background:#c62828"></i>dropped \u2715</span>\
      <span><i class="sw" style="background:#8e24aa"></i>corrupt</span>\
      <span><i class="sw" style="background:#c62828;opacity:.35"></i>node down</span>\
      <span><i class="sw" style="background:#c62828;opacity:.12"></i>partition</span>\
      <span><i class="sw" style="background:#2e7d32"></i>client operation</span>\
      <span><i class="sw" style="background:#e00000;border:1px solid #000"></i>violating \
      operation</span> Time runs down, in event order (not to scale). Hover for details.</p>
      """;

  private static final String DEFS = """
      <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" \
      markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#1f5fa8"/>\
      </marker><marker id="cross" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="9" \
      markerHeight="9"><path d="M1,1L9,9M9,1L1,9" stroke="#c62828" stroke-width="2"/></marker>\
      </defs>
      """;

  /**
   * Hides what the filters leave out: an element is shown when every node it names is checked
   * and, with a key typed, when it carries that key (lifelines and bands carry none).
   */
  private static final String SCRIPT = """
      <script>(function(){var errors=0;window.addEventListener('error',function(){errors++;});
      function apply(){var on={};document.querySelectorAll('.node-filter').forEach(function(c){
      on[c.value]=c.checked;});var key=document.getElementById('key-filter').value.trim();
      document.querySelectorAll('#diagram [data-nodes]').forEach(function(e){
      var show=e.getAttribute('data-nodes').split(' ').every(function(n){return on[n]!==false;});
      if(show&&key!==''&&e.hasAttribute('data-key')){show=e.getAttribute('data-key')===key;}
      e.classList.toggle('hidden',!show);});}
      document.querySelectorAll('.node-filter').forEach(function(c){
      c.addEventListener('change',apply);});
      document.getElementById('key-filter').addEventListener('input',apply);
      window.addEventListener('load',function(){apply();document.body.setAttribute(
      'data-arrows',String(document.querySelectorAll('#diagram line.msg').length));
      document.body.setAttribute('data-errors',String(errors));});})();</script>
      """;
}
