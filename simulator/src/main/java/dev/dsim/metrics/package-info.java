/**
 * Recording what happened during a run: request outcomes and latencies (HdrHistogram).
 *
 * <p>Metrics record; they never render. Uses only {@code dev.dsim.engine}; knows nothing of
 * nodes, services, files or charts.
 */
package dev.dsim.metrics;
