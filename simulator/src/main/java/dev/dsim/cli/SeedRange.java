package dev.dsim.cli;

import picocli.CommandLine;

/**
 * Seeds as users write them: {@code 10} (ten seeds, starting at the scenario's own seed) or
 * {@code 100..199} (those seeds, both ends included).
 *
 * @param first the first seed, or null to start at the scenario's seed
 * @param count how many seeds
 */
record SeedRange(Long first, long count) {
  /** More seeds than anyone would wait for is a typo. */
  static final long MAX_COUNT = 10_000_000L;

  /** The seeds for a scenario whose own seed is {@code scenarioSeed}. */
  long[] seeds(long scenarioSeed) {
    long start = first != null ? first : scenarioSeed;
    long[] seeds = new long[(int) count];
    for (int i = 0; i < count; i++) {
      seeds[i] = start + i;
    }
    return seeds;
  }

  /** The option's value as the user could type it again: "10" or "100..199". */
  String argument() {
    return first == null ? Long.toString(count) : first + ".." + (first + count - 1);
  }

  /** "42..51" for messages and manifests. */
  String describe(long scenarioSeed) {
    long start = first != null ? first : scenarioSeed;
    return count == 1 ? Long.toString(start) : start + ".." + (start + count - 1);
  }

  /** Parses {@code N} or {@code A..B} for picocli. */
  static final class Converter implements CommandLine.ITypeConverter<SeedRange> {
    @Override
    public SeedRange convert(String value) {
      String v = value.trim();
      int dots = v.indexOf("..");
      try {
        if (dots < 0) {
          long n = Long.parseLong(v);
          if (n < 1 || n > MAX_COUNT) {
            throw new CommandLine.TypeConversionException("expected a number of seeds from 1 to "
                + MAX_COUNT + ", or a range A..B, got '" + value + "'");
          }
          return new SeedRange(null, n);
        }
        long a = Long.parseLong(v.substring(0, dots).trim());
        long b = Long.parseLong(v.substring(dots + 2).trim());
        if (b < a) {
          throw new CommandLine.TypeConversionException("the range " + value
              + " is empty: write it low..high, e.g. 1..100");
        }
        if (b - a + 1 > MAX_COUNT || b - a + 1 <= 0) {
          throw new CommandLine.TypeConversionException("the range " + value + " has more than "
              + MAX_COUNT + " seeds");
        }
        return new SeedRange(a, b - a + 1);
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("expected a number of seeds (10) or a "
            + "range of seeds (1..100), got '" + value + "'");
      }
    }
  }
}
