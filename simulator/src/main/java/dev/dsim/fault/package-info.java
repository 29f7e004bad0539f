/**
 * Partial failure as data: fault records, the scheduled fault plan, the random nemesis, and the
 * log of every fault injected and healed.
 *
 * <p>Faults act on the world only through its public operations (crash and restart a node, block
 * and unblock a network pair, slow a CPU); they never reach into a process. Random choices come
 * from the run's named streams ({@code fault/...}, {@code nemesis/...}). Uses {@code engine} and
 * {@code world}; knows nothing of scenario files or reports.
 */
package dev.dsim.fault;
