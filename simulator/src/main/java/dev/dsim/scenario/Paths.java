package dev.dsim.scenario;

/** JSON paths as users read them: {@code tiers.web.cores}, {@code faults[2]}; the root is "". */
final class Paths {
  private Paths() {}

  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /**
   * For messages: the root is shown as {@code $}; a path with blanks, quotes or control
   * characters in its keys (a key of spaces, or a NUL) is quoted and escaped, so it is visible.
   */
  static String display(String path) {
    if (path.isEmpty()) {
      return "$";
    }
    boolean plain = path.chars().allMatch(c -> c > ' ' && c != '"' && c != '\\'
        && c != 0x7F && !Character.isWhitespace(c) && !Character.isISOControl(c));
    return plain ? path : quoted(path);
  }

  private static String quoted(String path) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < ' ' || c == 0x7F || Character.isISOControl(c)) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** A JSON Pointer ({@code /tiers/web/0}) as a dotted path, for display. */
  static String fromPointer(String pointer) {
    if (pointer.isEmpty() || pointer.equals("/")) {
      return "$";
    }
    return display(dotted(pointer));
  }

  private static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.substring(1).split("/", -1)) {
      String key = part.replace("~1", "/").replace("~0", "~");
      if (!key.isEmpty() && key.chars().allMatch(Character::isDigit) && sb.length() > 0) {
        sb.append('[').append(key).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(key);
      }
    }
    return sb.toString();
  }
}
