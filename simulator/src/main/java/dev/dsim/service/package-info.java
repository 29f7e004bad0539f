/**
 * The system-design building blocks as processes: clients (workloads), the load balancer and the
 * stateless tier. Later: replicated and sharded key-value store, heartbeats, checksums.
 *
 * <p>Services act on the world only through {@link dev.dsim.world.Context}; they record outcomes
 * into {@code dev.dsim.metrics}. They know nothing of scenario files, reports or the CLI.
 */
package dev.dsim.service;
