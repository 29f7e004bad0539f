/**
 * The system-design building blocks as processes: clients (workloads), the load balancer, the
 * stateless tier, health checks and failure detection; {@code service.kv} is the replicated and
 * sharded key-value store. Those that wait for replies (client, stateless tier, balancer, kv
 * coordinator) do it through {@link dev.dsim.world.Calls}.
 *
 * <p>Services act on the world only through {@link dev.dsim.world.Context}; they record outcomes
 * into {@code dev.dsim.metrics}. They know nothing of scenario files, reports or the CLI.
 */
package dev.dsim.service;
