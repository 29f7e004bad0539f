package dev.dsim.scenario.format;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON Schema keywords of the document records that Jackson's own annotations cannot say:
 * bounds, examples, and rules between keys. {@link SchemaWriter} reads them; Jackson ignores
 * them, so they never change how a file binds. Descriptions, required keys and names stay
 * Jackson's ({@code @JsonPropertyDescription}, {@code @JsonClassDescription}, {@code
 * @JsonProperty(required, defaultValue)}), which a binding can use too.
 *
 * <p>Numbers are written as doubles and printed as integers when whole ({@code 1}, not {@code
 * 1.0}), so one annotation serves integer and number keys. JSON texts ({@link Examples}, {@link
 * Rule}) are parsed when the schema is generated; one that does not parse fails the generation.
 */
public final class Schema {
  private Schema() {}

  /** {@code minimum}: the key's number is at least this. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Min {
    double value();
  }

  /** {@code maximum}: the key's number is at most this. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Max {
    double value();
  }

  /** {@code exclusiveMinimum}: the key's number is greater than this. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Above {
    double value();
  }

  /** {@code minItems}/{@code maxItems} of a list, {@code minProperties}/{@code maxProperties} of
   * a map; a negative bound is none. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Count {
    long min() default -1;

    long max() default -1;
  }

  /** {@code maxLength} of a string. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface MaxLength {
    long value();
  }

  /** {@code examples}, each a JSON text ({@code "\"8ms\""}, {@code "42"}, {@code "{...}"}). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.TYPE})
  public @interface Examples {
    String[] value();
  }

  /**
   * Exactly one of these keys is present ({@code oneOf} of {@code required}): the rule between
   * keys that the format has most ({@code rate} or {@code users}, {@code mtbf} or {@code
   * rate}).
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface ExactlyOneOf {
    String[] value();
  }

  /**
   * Schema keywords written out, a JSON object merged into the schema of the annotated type or
   * key: the hook for the rules a record's components cannot state, such as "this key only with
   * that one" ({@code dependentSchemas}), "this value then not that key" ({@code if}/{@code
   * then}), names a map may not use ({@code propertyNames}). A {@code $ref} in it names a
   * definition of the generated schema ({@code "#/$defs/name"}); SchemaWriter fails on one that
   * does not resolve. Each use says in a comment which binder check it mirrors.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.TYPE})
  @Repeatable(Rules.class)
  public @interface Rule {
    String value();
  }

  /** The container of repeated {@link Rule}s. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.TYPE})
  public @interface Rules {
    Rule[] value();
  }
}
