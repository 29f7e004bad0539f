package dev.dsim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsim.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep over a parameter grid ({@code sweep --param tiers.web.nodes=4..12}) found: per
 * point of the grid (and variant), every metric's mean over the seeds with its interval, how
 * often the point met every expectation, its cost per hour, whether it is on the cost and
 * availability Pareto front (no other point is as cheap and as available, and better in one),
 * and the cheapest point meeting every expectation in at least the required share of seeds.
 * The points are compared as the variants of {@code compare} are ({@link Comparison}), so the
 * intervals, the pass rates and the rule that a point failing its expectations never wins on
 * cost are the same.
 *
 * @param params the settings swept, in {@code --param} order
 * @param points the grid's points, in sweep order
 * @param comparison the points compared, labelled by {@link Point#label()}, in the same order
 * @param expectedAvailability the availability the scenario expects at least ({@code
 *     "availability": ">= 0.999"}), drawn as a line on the charts; null when it states none
 */
public record ParameterGrid(List<String> params, List<Point> points, Comparison comparison,
    Double expectedAvailability) {
  public ParameterGrid {
    params = List.copyOf(params);
    points = List.copyOf(points);
  }

  /**
   * One point of the grid: its variant, the value of each setting, the label it is compared
   * under, its mean cost per hour, and whether it is on the cost and availability front.
   */
  public record Point(String variant, List<String> values, String label, double costPerHour,
      boolean pareto) {
    public Point {
      values = List.copyOf(values);
    }
  }

  /** The grid of a sweep whose runs have grid points; null when they have none. */
  public static ParameterGrid of(SweepReport sweep, double require) {
    List<String> params = sweep.paramPaths();
    if (params.isEmpty()) {
      return null;
    }
    Map<String, List<SweepReport.Row>> byPoint = new LinkedHashMap<>();
    boolean oneVariant = true;
    for (SweepReport.Row r : sweep.rows()) {
      oneVariant &= r.point().variant().equals(sweep.rows().get(0).point().variant());
    }
    for (SweepReport.Row r : sweep.rows()) {
      String label = (oneVariant ? "" : r.point().variant() + ": ") + r.point().paramsText();
      byPoint.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
    }
    List<Comparison.Group> groups = new ArrayList<>();
    List<double[]> plane = new ArrayList<>();
    for (Map.Entry<String, List<SweepReport.Row>> e : byPoint.entrySet()) {
      List<RunResult> runs = new ArrayList<>();
      double cost = 0;
      double avail = 0;
      for (SweepReport.Row r : e.getValue()) {
        runs.add(r.result());
        cost += r.result().cost().perHour();
        avail += r.result().availability();
      }
      groups.add(new Comparison.Group(e.getKey(), runs));
      plane.add(new double[] {cost / runs.size(), avail / runs.size()});
    }
    Comparison c = Comparison.of(groups, groups.size(), require);
    List<Point> points = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, List<SweepReport.Row>> e : byPoint.entrySet()) {
      SweepReport.Point p = e.getValue().get(0).point();
      List<String> values = new ArrayList<>();
      for (String set : p.params()) {
        values.add(set.substring(set.indexOf('=') + 1));
      }
      points.add(new Point(p.variant(), values, e.getKey(), plane.get(i)[0],
          onFront(plane, i)));
      i++;
    }
    return new ParameterGrid(params, points, c, expectedAvailability(sweep.rows().get(0)
        .result()));
  }

  private static Double expectedAvailability(RunResult r) {
    for (RunResult.ExpectationResult e : r.expectations()) {
      String cond = e.condition().trim();
      if (e.metric().equals("availability") && cond.startsWith(">")) {
        try {
          return Double.valueOf(cond.replaceFirst("^>=?", "").trim());
        } catch (NumberFormatException ignored) {
          return null; // a condition the chart cannot draw; the tables still judge it
        }
      }
    }
    return null;
  }

  /**
   * Whether point {@code i} of {@code plane} (cost, availability) is on the Pareto front: no
   * other point costs no more and is no less available, and is better in one of the two.
   */
  static boolean onFront(List<double[]> plane, int i) {
    double[] p = plane.get(i);
    for (int j = 0; j < plane.size(); j++) {
      double[] q = plane.get(j);
      if (j != i && q[0] <= p[0] && q[1] >= p[1] && (q[0] < p[0] || q[1] > p[1])) {
        return false;
      }
    }
    return true;
  }

  /** The cheapest point meeting every expectation often enough, or null. */
  public Point cheapest() {
    String label = comparison.expectations().cheapest();
    for (Point p : points) {
      if (p.label().equals(label)) {
        return p;
      }
    }
    return null;
  }

  /** The points on the cost and availability front, cheapest first. */
  public List<Point> front() {
    List<Point> f = new ArrayList<>();
    for (Point p : points) {
      if (p.pareto()) {
        f.add(p);
      }
    }
    f.sort(java.util.Comparator.comparingDouble(Point::costPerHour));
    return f;
  }

  /** Whether the grid was swept for more than one variant. */
  public boolean manyVariants() {
    for (Point p : points) {
      if (!p.variant().equals(points.get(0).variant())) {
        return true;
      }
    }
    return false;
  }

  int index(Point p) {
    return points.indexOf(p);
  }

  /** Availability of {@code p} in percent with its interval: "99.91% [99.86%, 99.95%]". */
  String percentCell(Point p) {
    Comparison.Stat st = comparison.rowFor("availability").stats().get(index(p));
    String mean = GridCharts.percent(st.mean());
    return !st.hasInterval() || st.stdDev() == 0 ? mean : mean + " [" + GridCharts.percent(
        st.ciLow()) + ", " + GridCharts.percent(st.ciHigh()) + "]";
  }

  /** Metric {@code metric} of point {@code p} as the tables print it: "0.9991 [0.9986, 0.9995]". */
  public String cell(String metric, Point p) {
    Comparison.Row row = comparison.rowFor(metric);
    return row == null ? "" : ComparisonReport.cell(row, index(p));
  }

  /**
   * The grid's finding in one sentence: the cheapest point meeting every expectation (with its
   * cost per hour, availability and pass rate), or that none did and which came closest; and
   * how many points the front has.
   */
  public String verdict() {
    ExpectationsMet met = comparison.expectations();
    StringBuilder sb = new StringBuilder();
    String bar = Numbers.significant(met.require() * 100, 3).stripTrailingZeros()
        .toPlainString() + "%";
    if (met.any()) {
      Point cheap = cheapest();
      if (cheap != null) {
        ExpectationsMet.Variant v = met.variants().get(index(cheap));
        sb.append("Cheapest point meeting every expectation ").append(met.require() >= 1
            ? "in every seed" : "in at least " + bar + " of seeds").append(": ").append(cheap.label()).append(", at ")
            .append(SummaryTable.number(cheap.costPerHour())).append(' ')
            .append(comparison.currency()).append(" per hour, availability ")
            .append(percentCell(cheap)).append(", met in ").append(v.met())
            .append(" of ").append(v.seeds()).append(" seeds. ");
      } else {
        ExpectationsMet.Variant best = met.variants().get(0);
        for (ExpectationsMet.Variant v : met.variants()) {
          if (v.rate() > best.rate()) {
            best = v;
          }
        }
        sb.append("No point met every expectation in ").append(met.require() >= 1
            ? "every seed" : bar + " of its seeds").append("; ")
            .append("the closest, ").append(best.label()).append(", met them in ")
            .append(best.met()).append(" of ").append(best.seeds()).append(". ");
      }
    } else {
      sb.append("The scenario states no expectations, so no point is named the answer; ")
          .append("add \"expect\" to find the cheapest point that meets them. ");
    }
    List<Point> front = front();
    sb.append(front.size()).append(" of ").append(points.size()).append(" points are on the ")
        .append("cost and availability front");
    if (front.size() > 1) {
      Point lo = front.get(0);
      Point hi = front.get(front.size() - 1);
      String unit = " " + comparison.currency() + " per hour)";
      sb.append(", from ").append(lo.label()).append(" (").append(SummaryTable.number(
          lo.costPerHour())).append(unit).append(" to ").append(hi.label()).append(" (")
          .append(SummaryTable.number(hi.costPerHour())).append(unit);
    }
    return sb.append('.').toString();
  }

  /** The metrics the grid's table and charts show, in order. */
  public static final List<String> METRICS = List.of("availability", "throughput",
      "latencyMs.p99", "cost.perHour");

  /** The terminal and page table: one line per point. */
  public List<String[]> table() {
    ExpectationsMet met = comparison.expectations();
    List<String[]> out = new ArrayList<>();
    List<String> header = new ArrayList<>();
    boolean variants = manyVariants();
    if (variants) {
      header.add("variant");
    }
    header.addAll(params);
    header.addAll(List.of("seeds", "availability", "throughput", "p99 ms",
        comparison.currency() + "/hour"));
    if (met.any()) {
      header.add("met");
    }
    header.add("front");
    out.add(header.toArray(new String[0]));
    for (Point p : points) {
      List<String> cells = new ArrayList<>();
      if (variants) {
        cells.add(p.variant());
      }
      cells.addAll(p.values());
      ExpectationsMet.Variant v = met.variants().get(index(p));
      cells.add(Integer.toString(v.seeds()));
      cells.add(cell("availability", p));
      cells.add(cell("throughput", p));
      cells.add(cell("latencyMs.p99", p));
      cells.add(SummaryTable.number(p.costPerHour()));
      if (met.any()) {
        cells.add(v.met() + "/" + v.seeds() + (met.eligible(p.label()) ? "" : " (below)")
            + (p.equals(cheapest()) ? " cheapest" : ""));
      }
      cells.add(p.pareto() ? "yes" : "");
      out.add(cells.toArray(new String[0]));
    }
    return out;
  }

  /** The table as text, columns padded, for the terminal. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("parameter grid: means over each point's seeds with 95% intervals; \"front\": no "
        + "other point is as cheap and as available\n");
    SweepReport.table(sb, table());
    sb.append(verdict()).append('\n');
    return sb.toString();
  }

  /** The {@code grid} section of sweep.json. */
  public ObjectNode json() {
    ObjectNode g = JsonNodeFactory.instance.objectNode();
    ArrayNode ps = g.putArray("params");
    params.forEach(ps::add);
    ExpectationsMet met = comparison.expectations();
    g.put("require", Numbers.significant(met.require(), 9));
    g.put("currency", comparison.currency());
    g.put("intervals", "95%; availability: " + Comparison.intervalMethod("availability")
        + "; others: Student t; pass rates: Clopper-Pearson");
    Point cheap = cheapest();
    if (cheap == null) {
      g.putNull("cheapest");
    } else {
      g.set("cheapest", pointJson(cheap));
    }
    ArrayNode list = g.putArray("points");
    for (Point p : points) {
      ObjectNode o = list.addObject();
      o.setAll(pointJson(p));
      int i = index(p);
      ExpectationsMet.Variant v = met.variants().get(i);
      o.put("seeds", v.seeds());
      if (met.any()) {
        o.put("met", v.met());
        ArrayNode rate = o.putArray("metInterval");
        rate.add(Numbers.significant(v.low(), 6));
        rate.add(Numbers.significant(v.high(), 6));
        o.put("eligible", met.eligible(p.label()));
      }
      o.put("costPerHour", Numbers.significant(p.costPerHour(), 9));
      o.put("pareto", p.pareto());
      for (Comparison.Row row : comparison.rows()) {
        Comparison.Stat st = row.stats().get(i);
        ObjectNode m = o.putObject(row.metric().name());
        m.put("mean", Numbers.significant(st.mean(), 9));
        if (st.hasInterval()) {
          m.put("low", Numbers.significant(st.ciLow(), 9));
          m.put("high", Numbers.significant(st.ciHigh(), 9));
        }
      }
    }
    return g;
  }

  private ObjectNode pointJson(Point p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("variant", p.variant());
    ObjectNode values = o.putObject("params");
    for (int i = 0; i < params.size(); i++) {
      values.put(params.get(i), p.values().get(i));
    }
    return o;
  }

  /** {@code grid.csv}: one line per point, its settings then means and interval bounds. */
  public String csv() {
    StringBuilder sb = new StringBuilder("variant");
    params.forEach(p -> sb.append(',').append(Csv.field(p)));
    sb.append(",seeds,met,costPerHour,pareto");
    for (Comparison.Row row : comparison.rows()) {
      String n = row.metric().name();
      sb.append(',').append(n).append(',').append(n).append("Low,").append(n).append("High");
    }
    sb.append('\n');
    ExpectationsMet met = comparison.expectations();
    for (Point p : points) {
      int i = index(p);
      sb.append(Csv.field(p.variant()));
      p.values().forEach(v -> sb.append(',').append(Csv.field(v)));
      ExpectationsMet.Variant v = met.variants().get(i);
      sb.append(',').append(v.seeds()).append(',').append(met.any() ? Integer.toString(v.met())
          : "").append(',').append(Numbers.significant(p.costPerHour(), 9).toPlainString())
          .append(',').append(p.pareto());
      for (Comparison.Row row : comparison.rows()) {
        Comparison.Stat st = row.stats().get(i);
        sb.append(',').append(Numbers.significant(st.mean(), 9).toPlainString()).append(',');
        if (st.hasInterval()) {
          sb.append(Numbers.significant(st.ciLow(), 9).toPlainString()).append(',')
              .append(Numbers.significant(st.ciHigh(), 9).toPlainString());
        } else {
          sb.append(',');
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
