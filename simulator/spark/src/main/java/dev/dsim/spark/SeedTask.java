package dev.dsim.spark;

import java.io.Serializable;

/**
 * One run to do, as it travels to an executor: the job's place in the work list, which of the
 * distinct scenarios it runs (their texts travel once, broadcast), and the seed.
 */
record SeedTask(int index, int scenario, long seed) implements Serializable {}
