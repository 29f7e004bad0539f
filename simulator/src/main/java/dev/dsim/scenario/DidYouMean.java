package dev.dsim.scenario;

import java.util.Collection;

/** Suggests the closest known name for a misspelt one (optimal string alignment distance). */
final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate within an edit distance of 2 (or a shared prefix), or null. */
  static String closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = typed.toLowerCase(java.util.Locale.ROOT);
    for (String c : candidates) {
      if (Math.abs(c.length() - typed.length()) > 2) {
        continue; // farther than any distance accepted below; and a long typo costs nothing
      }
      int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    if (best == null) {
      return null;
    }
    int limit = Math.min(2, Math.max(1, typed.length() / 3));
    if (bestDistance <= limit) {
      return best;
    }
    for (String c : candidates) {
      if (typed.length() >= 3 && (c.startsWith(typed) || typed.startsWith(c))) {
        return c;
      }
    }
    return null;
  }

  /** Edit distance counting insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
