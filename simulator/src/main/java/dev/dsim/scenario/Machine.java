package dev.dsim.scenario;

/**
 * One of the scenario's {@code instanceTypes}, bound: the machine a tier naming it is made of.
 *
 * @param name its name in {@code instanceTypes}
 * @param cores cores per node
 * @param speed work units per second per core
 * @param memoryBytes its memory (it prices the machine, nothing else)
 * @param pricePerHour what one such machine costs per hour
 */
record Machine(String name, int cores, double speed, long memoryBytes, double pricePerHour) {}
