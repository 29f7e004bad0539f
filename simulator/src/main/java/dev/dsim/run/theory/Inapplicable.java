package dev.dsim.run.theory;

import java.io.Serializable;

/**
 * A figure no model predicts for this scenario, and why: the assumption it breaks, with the
 * scenario's own numbers ("work is Pareto with shape 1.5 ≤ 2: infinite variance, P-K has no
 * mean"). Theory says nothing rather than a number from a model whose assumptions fail.
 */
public record Inapplicable(String metric, String subject, String reason) implements Serializable {}
