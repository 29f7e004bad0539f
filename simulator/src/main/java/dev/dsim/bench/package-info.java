/**
 * Benchmarks: plain {@code main} programs with warm-up rounds and repeated measurements that
 * print what they measured. They may read the wall clock (that is what they measure); nothing
 * in the simulation may. No test asserts on their timings.
 */
package dev.dsim.bench;
