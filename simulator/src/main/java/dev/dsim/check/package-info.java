/**
 * Checkers over the client operation history: lost acknowledged writes, stale reads and corrupt
 * reads, judged from what clients saw, never from the store's internals.
 */
package dev.dsim.check;
