package dev.dsim.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rare situations a run reached, as a protocol author names them with
 * {@code sometimes("two candidates in one term", condition)}: each name, how often it was
 * checked, and how often the condition held. A sweep sums them over its seeds into a coverage
 * table, which says whether the tests ever drove the protocol into the corner it was meant for
 * (a test that never reaches a split vote proves nothing about split votes). Names are kept in
 * the order they were first checked.
 */
public final class Sometimes {
  /** One named situation: checks and hits in one run. */
  public record Tally(String name, long checks, long hits) {}

  private final Map<String, long[]> tallies = new LinkedHashMap<>();

  /** Records one check of {@code name}; returns {@code condition}, for use inline. */
  public boolean check(String name, boolean condition) {
    long[] t = tallies.computeIfAbsent(java.util.Objects.requireNonNull(name, "name"),
        k -> new long[2]);
    t[0]++;
    if (condition) {
      t[1]++;
    }
    return condition;
  }

  /** Every situation checked so far, in first-checked order. */
  public List<Tally> tallies() {
    List<Tally> out = new ArrayList<>(tallies.size());
    tallies.forEach((name, t) -> out.add(new Tally(name, t[0], t[1])));
    return out;
  }
}
