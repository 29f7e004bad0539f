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

  /** For messages: the root is shown as {@code $}. */
  static String display(String path) {
    return path.isEmpty() ? "$" : path;
  }

  /** A JSON Pointer ({@code /tiers/web/0}) as a dotted path. */
  static String fromPointer(String pointer) {
    if (pointer.isEmpty() || pointer.equals("/")) {
      return "$";
    }
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
