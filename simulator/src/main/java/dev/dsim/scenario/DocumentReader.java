package dev.dsim.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.ContextAttributes;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.JavaType;
import dev.dsim.scenario.format.ScenarioDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario tree (a variant already applied) into the document model, {@link
 * ScenarioDocument}, with Jackson, and reports every syntactic problem of it in one pass: an
 * unknown key (with did-you-mean, or the keys allowed there), a value of the wrong type, a bad
 * duration, size, name or enum value, a missing required key. Each is located through the
 * {@link Problems} of the file; the bad value reads as null and reading goes on.
 *
 * <p>It does not check what needs more than one value (quorums against replication, names that
 * must exist, limits on counts): that is the binders'.
 */
final class DocumentReader {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .annotationIntrospector(new Strict())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .addModule(DocumentValues.module())
      .addModule(DocumentUnions.module())
      .addHandler(new ReadProblemHandler())
      .build();

  /** A reader per type, made once: a file may hold thousands of sections of one type. */
  private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return MAPPER.readerFor(type);
    }
  };

  private DocumentReader() {}

  /** The document, or null when it has problems (all of them reported to {@code problems}). */
  static ScenarioDocument read(JsonNode root, Problems problems) {
    return section(root, "", ScenarioDocument.class, problems);
  }

  /**
   * One section of the document ({@code tiers.web.clock} as a {@code Clock}), its problems
   * located at their paths in the whole file; null when it has any. This is how a binder reads
   * its section while the others are still bound by hand.
   */
  static <T> T section(JsonNode node, String path, Class<T> type, Problems problems) {
    ReadContext context = new ReadContext(problems);
    if (node == null || node.isNull()) {
      // Jackson reads null as "not there"; the file said null where a section belongs.
      problems.atValue(path, "expected " + (type.isRecord() || type.isInterface()
          ? "an object { ... }" : "a value") + ", got null", "this key takes an object of "
          + "settings in braces; see dsim schema for its keys");
      return null;
    }
    ObjectReader reader = READERS.get(type).with(
        ContextAttributes.getEmpty().withSharedAttribute(ReadContext.key(), context));
    int before = problems.count();
    T value;
    try {
      value = context.within(path, () -> reader.readValue(reader.treeAsTokens(node)));
    } catch (IOException e) {
      // Every problem the handler and the readers know of is recorded, not thrown: this is one
      // they do not, and a bug to fix here.
      throw new UncheckedIOException("reading the scenario document at " + path, e);
    }
    requiredKeys(value, node, path, context);
    return problems.count() == before ? value : null;
  }

  /**
   * Reports the required keys a value lacks, and the keys written as null (Jackson reads null
   * as "not there", but a scenario says a key or leaves it out), record by record down the
   * bound document. A value that did not bind is null and not looked into: its problem is
   * already reported. Free JSON (process settings, variant patches) may hold null.
   */
  private static void requiredKeys(Object value, JsonNode node, String path,
      ReadContext context) {
    if (value == null || node == null) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = (String) e.getKey();
        nullOrRequired(e.getValue(), node.get(key), Paths.child(path, key), false, context);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        nullOrRequired(list.get(i), node.get(i), Paths.index(path, i), false, context);
      }
    } else if (value instanceof Record record) {
      for (DocumentKeys.Key c : DocumentKeys.components(record.getClass())) {
        if (c.isValue()) {
          // A value written as its one component (rate steps as a list): the same node.
          requiredKeys(component(record, c.component()), node, path, context);
          continue;
        }
        String key = c.name();
        JsonNode child = node.isObject() ? node.get(key) : null;
        if (c.required() && (child == null || child.isNull())) {
          missing(path, c, context::atValue);
        } else if (!JsonNode.class.isAssignableFrom(c.component().getType())) {
          nullOrRequired(component(record, c.component()), child, Paths.child(path, key), true,
              context);
        }
      }
    }
  }

  /** Where a problem is reported: a path, a message and a hint. */
  @FunctionalInterface
  interface Report {
    void at(String path, String message, String hint);
  }

  /**
   * Reports the required key {@code c} missing from the object at {@code path}, at that object
   * (the key is not in the file), in the words of the schema's description ("(how many times
   * slower)") with its first example as the hint.
   */
  static void missing(String path, DocumentKeys.Key c, Report report) {
    String what = c.description().replaceAll("\\.$", "");
    what = what.isEmpty() ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1);
    report.at(path, "missing required key '" + c.name() + "'" + (what.isEmpty() ? ""
        : " (" + what + ")"), c.example().isEmpty() ? ""
        : "add for example \"" + c.name() + "\": " + c.example());
  }

  private static void nullOrRequired(Object value, JsonNode node, String path, boolean key,
      ReadContext context) {
    if (node != null && node.isNull() && !(value instanceof JsonNode)) {
      context.atValue(path, "expected a value, got null", key ? "leave the key out for its "
          + "default" : "");
    } else {
      requiredKeys(value, node, path, context);
    }
  }

  private static Object component(Record record, RecordComponent c) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(c + " of the document model", e);
    }
  }

  /**
   * The document model's annotations, minus what the readers do themselves: unions are read by
   * {@link DocumentUnions} (Jackson's type ids would stop at the first bad kind), and required
   * keys are checked after binding (Jackson would stop at the first missing one).
   */
  private static final class Strict extends JacksonAnnotationIntrospector {
    @Override
    public TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac,
        JavaType baseType) {
      return null;
    }

    @Override
    public TypeResolverBuilder<?> findPropertyTypeResolver(MapperConfig<?> config,
        AnnotatedMember am, JavaType baseType) {
      return null;
    }

    @Override
    public Boolean hasRequiredMarker(AnnotatedMember m) {
      return Boolean.FALSE;
    }
  }
}
