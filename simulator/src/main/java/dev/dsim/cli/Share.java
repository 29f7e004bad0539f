package dev.dsim.cli;

import picocli.CommandLine;

/** A share in (0, 1], written as a percentage ({@code 95%}) or a fraction ({@code 0.95}). */
final class Share {
  private Share() {}

  static double parse(String text) {
    String t = text.trim();
    boolean percent = t.endsWith("%");
    double v;
    try {
      v = Double.parseDouble(percent ? t.substring(0, t.length() - 1).trim() : t);
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a share: write a "
          + "percentage such as 95% or a fraction such as 0.95");
    }
    double share = percent ? v / 100 : v;
    if (!(share > 0 && share <= 1)) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a share in (0, 1]: "
          + "write a percentage such as 95% (at most 100%) or a fraction such as 0.95");
    }
    return share;
  }

  /** As the user could type it again: "95%". */
  static String format(double share) {
    return java.math.BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + "%";
  }

  /** The picocli converter. */
  static final class Converter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return parse(value);
    }
  }
}
