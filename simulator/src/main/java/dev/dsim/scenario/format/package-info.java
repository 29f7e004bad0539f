/**
 * The scenario document model: one record per JSON object of the scenario format (the top
 * level, clients, tiers by kind, network, links, every fault kind scheduled and random, expect,
 * ...), with the format's scalars as value types (durations, sizes, bandwidths, probabilities,
 * names, targets, conditions) and its unions as sealed interfaces (a tier by {@code "kind"}, a
 * distribution by {@code "dist"} or a bare duration, a scheduled fault by the key that names
 * its kind). The records carry Jackson annotations (key names, required keys, descriptions,
 * defaults) and {@link dev.dsim.scenario.format.Schema}'s (bounds, examples, rules between
 * keys), so that the JSON Schema is generated from them ({@link
 * dev.dsim.scenario.format.SchemaWriter}, {@code dsim schema}) instead of kept by hand: the
 * committed {@code scenarios/scenario.schema.json} is that output, and ScenarioSchemaTest
 * fails when the two differ. To regenerate it after changing a record: {@code mvn -B -ntp -q
 * -pl simulator package -DskipTests && java -jar simulator/target/dsim.jar schema >
 * scenarios/scenario.schema.json}.
 *
 * <p>The records are shaped to be Jackson's binding target (canonical constructors, delegating
 * creators on the value types), but today the binder in {@code dev.dsim.scenario} reads the
 * JSON tree itself and stays the reference: its behaviour is what the schema must match, and
 * ScenarioSchemaTest checks the key sets and ~90 documents against both. This package does not
 * parse, validate or compile scenarios, and knows nothing of the world or the engine.
 */
package dev.dsim.scenario.format;
