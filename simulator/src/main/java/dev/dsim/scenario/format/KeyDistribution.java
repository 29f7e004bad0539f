package dev.dsim.scenario.format;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How clients pick keys: a {@link KeyDistName} alone, or a {@link KeyDist} object. */
public sealed interface KeyDistribution permits KeyDistName, KeyDistribution.KeyDist {
  /**
   * The key distribution as an object.
   *
   * @param dist uniform or zipf
   * @param exponent the Zipf exponent
   */
  @JsonClassDescription("The key distribution as an object.")
  // ClientsBinder: an exponent on a uniform distribution is an error.
  @Schema.Rule("""
      {"if": {"properties": {"dist": {"const": "uniform"}}},
       "then": {"properties": {"exponent": false}}}""")
  record KeyDist(
      @JsonProperty(required = true) @JsonPropertyDescription("uniform or zipf.")
      KeyDistName dist,
      @JsonProperty(defaultValue = "0.99")
      @JsonPropertyDescription("The Zipf exponent, > 0 (zipf only).") @Schema.Above(0)
      Double exponent) implements KeyDistribution {}
}
