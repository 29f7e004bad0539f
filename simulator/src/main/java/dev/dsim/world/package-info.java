/**
 * The simulated world: {@link dev.dsim.world.Node nodes} with CPUs, the
 * {@link dev.dsim.world.Network network} that carries {@link dev.dsim.world.Message messages}
 * between them, and the process API ({@link dev.dsim.world.Process},
 * {@link dev.dsim.world.Context}) through which protocols and services act, with
 * {@link dev.dsim.world.Calls}, the request/reply-with-timeout helper both use.
 *
 * <p>Uses only {@code dev.dsim.engine}. It knows no service (load balancer, key-value store),
 * no scenario file format and no report; processes see the world only through their
 * {@code Context}.
 */
package dev.dsim.world;
