package dev.dsim.scenario;

/**
 * Where something was written: 1-based line and column, and the variant whose patch wrote it
 * (null when it comes from the base scenario).
 */
record SourceLocation(int line, int column, String fromVariant) {
  static final SourceLocation UNKNOWN = new SourceLocation(0, 0, null);

  SourceLocation inVariant(String variant) {
    return new SourceLocation(line, column, variant);
  }
}
