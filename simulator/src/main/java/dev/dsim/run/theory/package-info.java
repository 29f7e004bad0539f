/**
 * Closed-form queueing and reliability models, and what they predict for a scenario: the
 * theory {@code dsim explain} and the reports set beside what a run measured. It reads the
 * scenario model only; the measured side is {@link dev.dsim.run.TheoryChecks}.
 */
package dev.dsim.run.theory;
