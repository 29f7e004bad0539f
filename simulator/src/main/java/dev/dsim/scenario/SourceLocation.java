package dev.dsim.scenario;

/**
 * Where something was written: 1-based line and column, the variant whose patch wrote it (null
 * when it comes from the base scenario), and the {@code --set} override that replaced it (null
 * when it comes from the file).
 */
record SourceLocation(int line, int column, String fromVariant, String fromOverride) {
  static final SourceLocation UNKNOWN = new SourceLocation(0, 0, null, null);

  SourceLocation(int line, int column, String fromVariant) {
    this(line, column, fromVariant, null);
  }

  SourceLocation inVariant(String variant) {
    return new SourceLocation(line, column, variant, fromOverride);
  }

  /** A value given on the command line has no line in the file. */
  static SourceLocation override(String argument) {
    return new SourceLocation(0, 0, null, argument);
  }
}
