package dev.dsim.scenario.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import dev.dsim.scenario.Limits;
import dev.dsim.scenario.Metric;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The schema definitions the generator cannot derive from a record: the format's scalar value
 * types (a duration is a string with a pattern, a probability a number in [0, 1], a target a
 * string or a list), the unions of the document (a sealed interface is {@code oneOf} its
 * permitted types, in their declared order), and free JSON objects. Each becomes one entry of
 * {@code $defs}, named by {@link SchemaWriter}'s naming rule, with the type's own description
 * and examples added by the generator.
 *
 * <p>The patterns are the ones the binder's parsers accept ({@code DocumentValues}, {@code Quantities},
 * {@code Expectation}); ScenarioSchemaTest's accepted and rejected documents hold the two
 * together, since a pattern cannot be derived from a hand-written parser.
 */
final class ScalarDefinitions implements CustomDefinitionProviderV2 {
  private static final String NUMBER = "(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?";
  private static final String UNIT = "(ns|us|µs|ms|s|m|h|d)";
  /**
   * A compound duration, "1m30s": two or more parts, no spaces (Durations checks that the units
   * come largest first, which a pattern cannot say simply).
   */
  private static final String COMPOUND = "((\\d+(\\.\\d*)?|\\.\\d+)" + UNIT + "){2,}";
  /** A leading look-ahead: some digit of the number is not 0. */
  private static final String NOT_ZERO = "(?=\\s*\\+?0*\\.?0*[1-9])";
  private static final String RANDOM = "^random:";

  private final ObjectMapper json;
  private final Map<Class<?>, Function<SchemaGenerationContext, ObjectNode>> scalars;

  ScalarDefinitions(ObjectMapper json) {
    this.json = json;
    this.scalars = Map.ofEntries(
        Map.entry(Duration.class, c -> string("^\\s*[+-]?(" + NUMBER + "\\s*" + UNIT + "|"
            + COMPOUND + ")\\s*$")),
        Map.entry(NonNegativeDuration.class, c -> string("^\\s*\\+?(" + NUMBER + "\\s*" + UNIT
            + "|" + COMPOUND + ")\\s*$")),
        Map.entry(PositiveDuration.class, c -> string("^(" + NOT_ZERO + "\\s*\\+?" + NUMBER
            + "\\s*" + UNIT + "|\\s*\\+?(?=[^1-9]*[1-9])" + COMPOUND + ")\\s*$")),
        Map.entry(Size.class, c -> string("^\\s*\\d+(\\.\\d+)?\\s*([kKMGT]i?)?B\\s*$")),
        Map.entry(Bandwidth.class,
            c -> string("^" + NOT_ZERO + "\\s*\\d+(\\.\\d+)?\\s*([kKMGT]i?)?(bit|B)/s\\s*$")),
        Map.entry(Name.class, c -> string("^[A-Za-z0-9][A-Za-z0-9_-]*$")
            .put("maxLength", Limits.NAME_CHARS)),
        Map.entry(Condition.class, c -> string(
            "^\\s*(>=|<=|==|!=|>|<)\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*$")),
        Map.entry(Probability.class, c -> object().put("type", "number").put("minimum", 0)
            .put("maximum", 1).put("default", 0)),
        Map.entry(FaultRate.class, c -> oneOf(
            object().put("type", "number").put("exclusiveMinimum", 0),
            string("^" + NOT_ZERO + "\\s*\\+?" + NUMBER + "\\s*/\\s*(" + NUMBER + "\\s*)?"
                + UNIT + "\\s*$"))),
        Map.entry(Target.class, c -> oneOf(
            object().put("type", "string").put("minLength", 1),
            // FaultsBinder: "random:<tier>" draws one node, so it stands alone.
            names(object().put("type", "string").put("minLength", 1))
                .<ObjectNode>set("if", object().put("minItems", 2))
                .set("then", object().set("items", notRandom())))),
        Map.entry(FixedTarget.class, c -> oneOf(
            object().put("type", "string").put("minLength", 1).set("not", random()),
            names(object().put("type", "string").put("minLength", 1)
                .set("not", random())))),
        Map.entry(ClientRate.RequestRate.class,
            c -> object().put("type", "number").put("exclusiveMinimum", 0)),
        Map.entry(ClientRate.RateSchedule.class, this::rateSchedule),
        Map.entry(Expect.class, this::expect),
        Map.entry(VariantPatch.class, c -> object().put("type", "object")
            // ScenarioBinder: a variant cannot change the variants.
            .set("not", object().set("required", json.createArrayNode().add("variants")))));
  }

  @Override
  public CustomDefinition provideCustomSchemaDefinition(ResolvedType type,
      SchemaGenerationContext context) {
    Class<?> c = type.getErasedType();
    if (c == ObjectNode.class) {
      // A free object (process settings): inline, it has no name of its own.
      return new CustomDefinition(object().put("type", "object"),
          CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES);
    }
    if (Map.class.isAssignableFrom(c)) {
      // A map keyed by name (tiers, variants): inline, its rules are the key's.
      ObjectNode map = object().put("type", "object");
      map.set("additionalProperties", context.createDefinitionReference(
          type.getTypeParameters().get(1)));
      return new CustomDefinition(map, CustomDefinition.DefinitionType.INLINE,
          CustomDefinition.AttributeInclusion.YES);
    }
    Function<SchemaGenerationContext, ObjectNode> scalar = scalars.get(c);
    ObjectNode definition = scalar != null ? scalar.apply(context)
        : c.isInterface() && c.isSealed() ? union(c, context) : null;
    return definition == null ? null : new CustomDefinition(definition,
        CustomDefinition.DefinitionType.ALWAYS_REF, CustomDefinition.AttributeInclusion.YES);
  }

  /** True for the types whose definition is written here rather than derived from a record. */
  boolean defines(Class<?> type) {
    return scalars.containsKey(type) || type.isInterface() || type == ObjectNode.class
        || Map.class.isAssignableFrom(type);
  }

  /** A sealed interface: exactly one of its permitted types, each by its definition. */
  private ObjectNode union(Class<?> sealed, SchemaGenerationContext context) {
    ArrayNode alternatives = json.createArrayNode();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      alternatives.add(context.createDefinitionReference(
          context.getTypeContext().resolve(permitted)));
    }
    return object().set("oneOf", alternatives);
  }

  /**
   * The {@code expect} object: a key per {@link Metric}, by its dotted name, then one per
   * shorthand; no other key. Written from the enum, so the metrics are listed once.
   */
  private ObjectNode expect(SchemaGenerationContext context) {
    ObjectNode properties = object();
    for (Metric m : Metric.values()) {
      properties.set(m.jsonName(), condition(m.description(), context));
    }
    for (Metric m : Metric.values()) {
      if (m.shorthand() != null) {
        properties.set(m.shorthand(), condition("Short for " + m.jsonName() + ".", context));
      }
    }
    return object().put("type", "object").put("additionalProperties", false)
        .set("properties", properties);
  }

  private ObjectNode condition(String description, SchemaGenerationContext context) {
    // The generator fills in this very node (its $ref) later: describe it, do not copy it.
    return context.createDefinitionReference(context.getTypeContext().resolve(Condition.class))
        .put("description", description);
  }

  /** Rate steps; ClientsBinder: the first starts at 0 and cannot ramp from nothing. */
  private ObjectNode rateSchedule(SchemaGenerationContext context) {
    ObjectNode first = object().set("properties", object()
        .<ObjectNode>set("at", object().put("pattern",
            "^\\s*[+-]?(0+(\\.0*)?|\\.0+)([eE][+-]?\\d+)?\\s*" + UNIT + "\\s*$"))
        .set("ramp", object().put("const", false)));
    return object().put("type", "array").put("minItems", 1).put("maxItems", Limits.RATE_STEPS)
        .<ObjectNode>set("items", context.createDefinitionReference(
            context.getTypeContext().resolve(RateStep.class)))
        .set("prefixItems", json.createArrayNode().add(first));
  }

  /** A non-empty list of names, at most Limits.TARGET_NAMES. */
  private ObjectNode names(ObjectNode item) {
    return object().put("type", "array").put("minItems", 1).put("maxItems", Limits.TARGET_NAMES)
        .set("items", item);
  }

  private ObjectNode notRandom() {
    return object().set("not", random());
  }

  private ObjectNode random() {
    return object().put("pattern", RANDOM);
  }

  private ObjectNode oneOf(JsonNode... alternatives) {
    return object().set("oneOf", json.createArrayNode().addAll(List.of(alternatives)));
  }

  private ObjectNode string(String pattern) {
    return object().put("type", "string").put("pattern", pattern);
  }

  private ObjectNode object() {
    return json.createObjectNode();
  }
}
