package dev.dsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a dotted JSON path as users type it: a key ({@code web}) or an array index
 * ({@code [2]}). {@code tiers.web.nodes} is three keys; {@code faults.schedule[0].at} is a key, an index
 * and a key.
 */
record PathStep(String key, int index) {

  boolean isIndex() {
    return key == null;
  }

  /** The steps of {@code path}; throws IllegalArgumentException, with the reason, if malformed. */
  static List<PathStep> parse(String path) {
    List<PathStep> steps = new ArrayList<>();
    if (path.isEmpty()) {
      return steps;
    }
    int i = 0;
    int n = path.length();
    boolean expectKey = true;
    while (i < n) {
      char c = path.charAt(i);
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("'[' without a closing ']'");
        }
        String digits = path.substring(i + 1, close);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)
            || digits.length() > 9) {
          throw new IllegalArgumentException("expected an index like [0], got [" + digits + "]");
        }
        if (steps.isEmpty()) {
          throw new IllegalArgumentException("a path starts with a key, not an index");
        }
        steps.add(new PathStep(null, Integer.parseInt(digits)));
        i = close + 1;
        expectKey = false;
      } else if (c == '.') {
        if (expectKey) {
          throw new IllegalArgumentException("empty key (two dots, or a leading dot)");
        }
        i++;
        expectKey = true;
        if (i == n) {
          throw new IllegalArgumentException("the path ends with a dot");
        }
      } else {
        if (!expectKey) {
          throw new IllegalArgumentException("expected '.' or '[' after ']'");
        }
        int end = i;
        while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        steps.add(new PathStep(path.substring(i, end), -1));
        i = end;
        expectKey = false;
      }
    }
    return steps;
  }
}
