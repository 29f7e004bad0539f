package dev.dsim.report;

/** CSV fields as RFC 4180 has them: quoted only when they hold a comma, quote or line break. */
final class Csv {
  private Csv() {}

  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
        && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
