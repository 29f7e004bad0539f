/**
 * The discrete-event engine: virtual time in long nanoseconds, the event queue, the run loop,
 * cancellable events, named {@link dev.dsim.engine.Rng} streams, distributions with their
 * samplers (on {@code StrictMath}, so a draw is the same double on every CPU and JVM) and the
 * trace fingerprint.
 *
 * <p>This package knows nothing about nodes, networks or services; it must not import any other
 * {@code dev.dsim} package, nor Jackson, picocli or JFreeChart. Its hot path (schedule, pop, fire)
 * allocates nothing beyond the event object the caller passes in.
 */
package dev.dsim.engine;
