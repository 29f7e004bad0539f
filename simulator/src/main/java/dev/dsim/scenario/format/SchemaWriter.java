package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Generates the scenario format's JSON Schema (draft 2020-12) from the document records of this
 * package, with victools' jsonschema-generator and its Jackson module: key names, required keys
 * and descriptions from the Jackson annotations, bounds, examples and rules between keys from
 * {@link Schema}'s, scalars and unions from {@link ScalarDefinitions}. Every record is a closed
 * object ({@code additionalProperties: false}) in {@code $defs}, named by its simple name in
 * lower camel case.
 *
 * <p>The text is the same on every run and JVM: properties follow the record components'
 * declared order, {@code $defs} are sorted by name, and nothing is taken from a hash order. It is
 * what {@code scenarios/scenario.schema.json} holds and {@code dsim schema} prints; it does not
 * read that file, nor validate documents (the binder does, and ScenarioSchemaTest holds the two
 * together).
 */
public final class SchemaWriter {
  /** The schema's {@code $id}. */
  public static final String ID = "https://dsim.dev/scenario.schema.json";
  /** The schema's {@code title}. */
  public static final String TITLE = "dsim scenario";
  private static final String COMMENT = "Generated from the records of dev.dsim.scenario.format "
      + "(java -jar simulator/target/dsim.jar schema > scenarios/scenario.schema.json); the "
      + "binder in dev.dsim.scenario is the truth, and ScenarioSchemaTest keeps the two in step. "
      + "Checks that compare values or resolve names are dsim's alone: warmup < duration, "
      + "quorums <= replication <= nodes, health-check timeout >= interval, fault targets and "
      + "tier calls naming what exists, rate steps in time order, and each variant once its "
      + "patch is applied. Limits (scenarios/README.md, Limits) the schema states as maximum, "
      + "maxItems, maxProperties and maxLength; those on products (nodes in all, shards x "
      + "replication, nodes x vnodes, files x size, link pairs), on times (duration, clock "
      + "offsets and jumps: 10000d either way), on JSON itself (file size, nesting, number "
      + "length) and on settings values are dsim's alone.";
  private static final List<String> ROOT_ORDER = List.of("$schema", "$id", "title",
      "description", "$comment");

  private final ObjectMapper json = new ObjectMapper();

  /** The schema as a JSON tree. */
  public ObjectNode schema() {
    SchemaAnnotations annotations = new SchemaAnnotations(json);
    SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(json,
        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
        .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
            JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE, JacksonOption.SKIP_SUBTYPE_LOOKUP,
            JacksonOption.IGNORE_TYPE_INFO_TRANSFORM))
        .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
        // A key's description stays even when it repeats its type's: editors show the key's.
        .without(Option.DUPLICATE_MEMBER_ATTRIBUTE_CLEANUP_AT_THE_END)
        .without(Option.NONSTATIC_NONVOID_NONGETTER_METHODS, Option.VOID_METHODS,
            Option.GETTER_METHODS, Option.STATIC_METHODS, Option.PUBLIC_STATIC_FIELDS,
            Option.NONPUBLIC_STATIC_FIELDS);
    ScalarDefinitions scalars = new ScalarDefinitions(json);
    config.forTypesInGeneral()
        .withCustomDefinitionProvider(scalars)
        // Unknown keys are errors: every record is a closed object (not the unions and scalars,
        // whose alternatives close themselves).
        .withAdditionalPropertiesResolver(scope -> scope.getType().getErasedType().isRecord()
            && !scalars.defines(scope.getType().getErasedType()) ? Void.class : null)
        .withDefinitionNamingStrategy((key, context) -> definitionName(
            key.getType().getErasedType()))
        .withPropertySorter(SchemaWriter::byComponentOrder)
        .withTypeAttributeOverride(annotations::onType);
    config.forFields().withInstanceAttributeOverride(annotations::onField);
    ObjectNode generated = new SchemaGenerator(config.build()).generateSchema(
        ScenarioDocument.class);
    addDiscriminators((ObjectNode) generated.get("$defs"));
    ObjectNode root = json.createObjectNode();
    root.put("$schema", generated.path("$schema").asText());
    root.put("$id", ID);
    root.put("title", TITLE);
    root.set("description", generated.get("description"));
    root.put("$comment", COMMENT);
    for (Iterator<Map.Entry<String, JsonNode>> it = generated.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!ROOT_ORDER.contains(e.getKey())) {
        root.set(e.getKey(), e.getValue());
      }
    }
    checkReferences(root, root);
    return KeywordOrder.sorted(root);
  }

  /** The schema as it is committed: two-space indents, LF line ends, a final newline. */
  public String text() {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return json.writer(printer).writeValueAsString(schema()) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the schema", e);
    }
  }

  /** A type's name in {@code $defs}: its simple name in lower camel case. */
  public static String definitionName(Class<?> type) {
    String simple = type.getSimpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  /**
   * The keys of a record in the order its components are declared (the schema reads like the
   * record, and like the binder's key lists); the generator's own order is alphabetical.
   */
  private static int byComponentOrder(MemberScope<?, ?> a, MemberScope<?, ?> b) {
    return Integer.compare(componentIndex(a), componentIndex(b));
  }

  private static int componentIndex(MemberScope<?, ?> member) {
    RecordComponent[] components = member.getDeclaringType().getErasedType()
        .getRecordComponents();
    if (components != null && member instanceof FieldScope) {
      for (int i = 0; i < components.length; i++) {
        if (components[i].getName().equals(member.getDeclaredName())) {
          return i;
        }
      }
    }
    throw new IllegalStateException(member + " is not a record component: the document model "
        + "is records only");
  }

  /**
   * For each union named by a property ({@code "kind"}, {@code "dist"}): the property, first,
   * in each alternative's definition, required and fixed to the alternative's name. The
   * generator's Jackson module would wrap each alternative in an {@code allOf} instead, which a
   * closed object cannot pass (the property would be an additional one).
   */
  private void addDiscriminators(ObjectNode defs) {
    for (Class<?> union : List.of(Tier.class, Distribution.class)) {
      String property = union.getAnnotation(JsonTypeInfo.class).property();
      for (JsonSubTypes.Type t : union.getAnnotation(JsonSubTypes.class).value()) {
        ObjectNode definition = (ObjectNode) defs.get(definitionName(t.value()));
        ObjectNode properties = json.createObjectNode();
        properties.putObject(property)
            .put("description", t.value().getAnnotation(JsonClassDescription.class).value())
            .put("const", t.name());
        properties.setAll((ObjectNode) definition.path("properties"));
        ArrayNode required = json.createArrayNode().add(property);
        definition.path("required").forEach(required::add);
        ObjectNode rebuilt = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = definition.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getKey().equals("properties")) {
            rebuilt.set("required", required);
            rebuilt.set("properties", properties);
          } else if (!e.getKey().equals("required")) {
            rebuilt.set(e.getKey(), e.getValue());
          }
        }
        definition.removeAll().setAll(rebuilt);
      }
    }
  }

  /** Every {@code $ref} names a definition (the rules' refs are written by hand). */
  private static void checkReferences(JsonNode node, ObjectNode root) {
    List<JsonNode> children = new ArrayList<>();
    node.elements().forEachRemaining(children::add);
    JsonNode ref = node.get("$ref");
    if (ref != null && root.at(ref.asText().substring(1)).isMissingNode()) {
      throw new IllegalStateException("the schema refers to " + ref + ", which it lacks");
    }
    for (JsonNode child : children) {
      checkReferences(child, root);
    }
  }
}
