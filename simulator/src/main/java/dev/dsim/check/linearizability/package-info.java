/**
 * Linearizability checking: is there one order of a history's operations, each taking effect at
 * an instant between its call and its return, that a single copy of the object would have
 * answered exactly as the clients saw?
 *
 * <p>The search is Wing and Gong's (1993): linearize any operation whose call has been reached,
 * backtrack when an operation's return is reached before it was linearized; with Lowe's
 * memoisation (2017): a (set of linearized operations, state) pair already explored is never
 * explored again. A history is split by key first where the model allows it
 * (P-compositionality, Horn and Kroening 2015, as Porcupine does): a history is linearizable
 * exactly when each key's sub-history is. Every search has a {@link Budget}; a search that would
 * run away stops with the verdict {@link Verdict.Unknown}, never a hang or an out-of-memory, and
 * the budget counts steps, not seconds, so the verdict is the same on every machine.
 *
 * <p>A violation is explained: the key, the smallest set of operations whose values some
 * sequential order explains but no order that respects real time does (a core, found by
 * removing operations one chunk at a time while the core stays a core), and the longest
 * linearizable prefix the search found with the operation that could not follow it.
 *
 * <p>Models are small: {@link Model} is an initial state and a step function; {@link Registers}
 * has read/write and compare-and-set registers, per key.
 */
package dev.dsim.check.linearizability;
