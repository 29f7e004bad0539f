package dev.dsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed scenario file: the base scenario and its named variants, not yet bound. Each
 * {@link #resolve(String)} applies one variant's merge patch, binds and validates the result.
 */
public final class ScenarioFile {
  private final String displayName;
  private final LocatedJson doc;
  private final List<String> variantNames;
  private final java.util.Set<String> variantSet;
  private final List<ScenarioOverride> overrides;
  /**
   * The base without its "variants" section, which a variant's patch is applied to: patching
   * (a deep copy) the whole document would copy every variant for each variant.
   */
  private final JsonNode patchBase;

  ScenarioFile(String displayName, LocatedJson doc, List<String> variantNames,
      List<ScenarioOverride> overrides) {
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.doc = doc;
    this.variantNames = Collections.unmodifiableList(new ArrayList<>(variantNames));
    this.variantSet = new java.util.HashSet<>(variantNames);
    this.overrides = List.copyOf(overrides);
    JsonNode root = doc.root();
    if (root.isObject() && root.has("variants")) {
      com.fasterxml.jackson.databind.node.ObjectNode shallow =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      root.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("variants")) {
          shallow.set(e.getKey(), e.getValue());
        }
      });
      this.patchBase = shallow;
    } else {
      this.patchBase = root;
    }
  }

  /** The {@code --set} overrides applied to every variant this file resolves. */
  public List<ScenarioOverride> overrides() {
    return overrides;
  }

  /** The file as the user named it. */
  public String displayName() {
    return displayName;
  }

  /** The scenario's "name" (as written; validated by {@link #resolve}). */
  public String name() {
    JsonNode n = doc.root().get("name");
    return n != null && n.isTextual() ? n.textValue() : "";
  }

  /** Variant names in file order; empty when the file has none. */
  public List<String> variantNames() {
    return variantNames;
  }

  /**
   * The base scenario ({@code variant} null) or the base with that variant's JSON Merge Patch
   * applied, bound and validated.
   */
  public Scenario resolve(String variant) throws ScenarioException {
    if (variant == null) {
      return ScenarioBinder.bind(located(null), displayName, null);
    }
    if (!variantSet.contains(variant)) {
      String suggestion = DidYouMean.closest(variant, variantNames);
      String known = variantNames.isEmpty() ? "this file has no variants"
          : "its variants are " + String.join(", ", variantNames);
      throw new ScenarioException(List.of(new ScenarioError(displayName, 0, 0, "variants",
          "no variant named '" + variant + "'; " + known,
          suggestion != null ? "did you mean '" + suggestion + "'?" : "use --variant base for "
              + "the scenario without a variant")));
    }
    return ScenarioBinder.bind(located(variant), displayName, variant);
  }

  /**
   * What variant {@code variant} changes, as written: its merge patch as compact JSON
   * ({@code {"tiers":{"db":{"nodes":6}}}}), "{}" for a variant that changes nothing, null for
   * the base or a name that is not a variant.
   */
  public String patchText(String variant) {
    JsonNode variants = doc.root().get("variants");
    JsonNode patch = variant == null || variants == null ? null : variants.get(variant);
    return patch == null ? null : patch.toString();
  }

  /** A known variant's document (null: the base), patched and overridden, with positions. */
  private LocatedJson located(String variant) throws ScenarioException {
    if (variant == null) {
      return overridden(doc, doc.root());
    }
    JsonNode patch = doc.root().get("variants").get(variant);
    JsonNode patched = MergePatch.apply(patchBase, patch);
    LocatedJson located = doc.withPatchLocations(patched, "variants." + variant, variant);
    misspeltTier(variant, patch, located);
    return overridden(located, patched);
  }

  /**
   * A variant that patches a tier the scenario does not have, without saying what kind of tier
   * it is, almost always misspelt the tier's name: say so, with the closest name, rather than
   * let the binder report the new tier's missing "kind".
   */
  private void misspeltTier(String variant, JsonNode patch, LocatedJson located)
      throws ScenarioException {
    JsonNode tiers = patch.get("tiers");
    JsonNode base = patchBase.get("tiers");
    if (tiers == null || !tiers.isObject() || base == null || !base.isObject()) {
      return;
    }
    List<String> known = new java.util.ArrayList<>();
    base.fieldNames().forEachRemaining(known::add);
    for (java.util.Iterator<Map.Entry<String, JsonNode>> it = tiers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (base.has(e.getKey()) || !e.getValue().isObject() || e.getValue().has("kind")) {
        continue;
      }
      String closest = DidYouMean.closest(e.getKey(), known);
      Problems problems = new Problems(displayName, located);
      problems.atValue("tiers." + e.getKey(), "variant '" + variant + "' patches tier '"
          + e.getKey() + "', which the scenario does not have (its tiers: "
          + String.join(", ", known) + ")", closest != null ? "did you mean '" + closest + "'?"
              : "to add a tier in a variant, give it a \"kind\" (and what that kind needs)");
      throw new ScenarioException(problems.errors());
    }
  }

  /**
   * An error about the value at {@code path} in the scenario a variant resolves to (null: the
   * base), located as the binder locates its own: at the value, or where the nearest enclosing
   * value was written (in the file, a variant's patch or a {@code --set}). For the checks a
   * command adds to the format's ({@code sweep --swarm} needs random faults).
   *
   * @param variant a variant {@link #resolve} accepted, or null
   */
  public ScenarioError error(String variant, String path, String message, String hint)
      throws ScenarioException {
    Problems problems = new Problems(displayName, located(variant));
    problems.atValue(path, message, hint);
    return problems.errors().get(0);
  }

  /** The document with the overrides applied (to a copy), their values located at the flag. */
  private LocatedJson overridden(LocatedJson located, JsonNode tree) throws ScenarioException {
    if (overrides.isEmpty()) {
      return located;
    }
    JsonNode copy = tree.deepCopy();
    Map<String, String> where = new java.util.LinkedHashMap<>();
    List<ScenarioError> errors = new ArrayList<>();
    for (ScenarioOverride o : overrides) {
      try {
        o.applyTo(copy, displayName);
        where.put(o.path(), o.argument());
      } catch (ScenarioException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
    return located.withOverrides(copy, where);
  }

  /** Checks the "variants" section's shape; returns the names in file order. */
  static List<String> variantNames(LocatedJson doc, String file) throws ScenarioException {
    JsonNode variants = doc.root().isObject() ? doc.root().get("variants") : null;
    if (variants == null) {
      return List.of();
    }
    Problems problems = new Problems(file, doc);
    List<String> names = new ArrayList<>();
    if (variants.size() > Limits.VARIANTS) {
      // Checked before anything is done per variant: each one is bound on every load.
      problems.atValue("variants", "at most " + Limits.count(Limits.VARIANTS) + " variants, got "
          + Limits.count(variants.size()), "compare a few systems at a time; to try many "
          + "values of one setting, run it once per value with --set (or dsim sweep --loads for "
          + "the offered load)");
    } else if (!variants.isObject()) {
      problems.atValue("variants", "expected an object of variants keyed by name, got "
          + Quote.value(variants), "e.g. \"variants\": {\"scale-up\": {\"tiers\": ...}}");
    } else {
      Iterator<Map.Entry<String, JsonNode>> it = variants.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String path = "variants." + e.getKey();
        if (!ScenarioBinder.NAME.matcher(e.getKey()).matches() || e.getKey().equals("base")) {
          problems.atKey(path, "a variant name must be letters, digits, '-' and '_', and not "
              + "'base' (reserved for the scenario without a variant), got '"
              + Quote.text(e.getKey()) + "'", "");
        } else if (e.getKey().length() > Limits.NAME_CHARS) {
          problems.atKey(path, "a variant name of at most " + Limits.NAME_CHARS
              + " characters, got " + e.getKey().length(), "it names a directory of the report");
        }
        if (!e.getValue().isObject()) {
          problems.atValue(path, "expected a merge patch object, got "
              + Quote.value(e.getValue()), "use {} for a variant equal to the base");
        }
        if (e.getValue().has("variants")) {
          problems.atKey(path + ".variants", "a variant cannot change the variants", "");
        }
        names.add(e.getKey());
      }
    }
    problems.throwIfAny();
    return names;
  }
}
