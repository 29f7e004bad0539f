package dev.dsim.check.linearizability;

import dev.dsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Records a protocol's client operations in true simulated time, for the linearizability
 * checker: call {@link #called} when a client issues an operation and {@link #returned} when its
 * answer arrives; an operation never returned (its client gave up, crashed, or the run ended)
 * stays pending, which the checker lets take effect at any time after its call, or never.
 *
 * <pre>{@code
 * HistoryRecorder<Registers.Op, Object> history = new HistoryRecorder<>(sim);
 * // in a client: int op = history.called(new Registers.Write("x", 7)); ... on the reply:
 * //             history.returned(op, "ok");
 * world.start();
 * sim.runUntil(60_000_000_000L);
 * history.assertLinearizable(Registers.startingAt(0), Registers::key);
 * }</pre>
 *
 * <p>The time is the simulation's, not a node's local clock: linearizability is about real time.
 * Inside {@code Simulations.seeds(...).check(...)} a violation fails the seed with its seed,
 * trace hash and the checker's explanation.
 */
public final class HistoryRecorder<I, O> {
  private final Simulation sim;
  private final List<I> inputs = new ArrayList<>();
  private final List<O> outputs = new ArrayList<>();
  private long[] called = new long[16];
  private long[] returned = new long[16];

  public HistoryRecorder(Simulation sim) {
    this.sim = Objects.requireNonNull(sim, "sim");
  }

  /** An operation issued now; returns its id (its position in the history). */
  public int called(I input) {
    Objects.requireNonNull(input, "input");
    int id = inputs.size();
    if (id == called.length) {
      called = java.util.Arrays.copyOf(called, id * 2);
      returned = java.util.Arrays.copyOf(returned, id * 2);
    }
    inputs.add(input);
    outputs.add(null);
    called[id] = sim.now();
    returned[id] = Operation.PENDING;
    return id;
  }

  /** Operation {@code id} returned {@code output} now. */
  public void returned(int id, O output) {
    if (id < 0 || id >= inputs.size()) {
      throw new IllegalArgumentException("no operation " + id);
    }
    if (returned[id] != Operation.PENDING) {
      throw new IllegalStateException("operation " + id + " already returned");
    }
    outputs.set(id, output);
    returned[id] = sim.now();
  }

  /** Operations recorded so far. */
  public int size() {
    return inputs.size();
  }

  /** The history: every operation, those never returned pending. */
  public List<Operation<I, O>> operations() {
    List<Operation<I, O>> ops = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      ops.add(new Operation<>(i, inputs.get(i), outputs.get(i), called[i], returned[i]));
    }
    return ops;
  }

  /** The checker's verdict on the history, key by key ({@code keyOf}). */
  public <S> Verdict check(Model<S, I, O> model, Function<? super I, ?> keyOf, Budget budget) {
    return LinearizabilityChecker.check(model, operations(), keyOf, budget);
  }

  /**
   * Fails unless the history is linearizable: throws {@link NotLinearizableException} for a
   * violation or an unknown verdict, with the seed, the trace hash and the explanation.
   */
  public <S> void assertLinearizable(Model<S, I, O> model, Function<? super I, ?> keyOf) {
    Verdict v = check(model, keyOf, Budget.DEFAULT);
    if (!(v instanceof Verdict.Linearizable)) {
      throw new NotLinearizableException(v, sim.rng().seed(), sim.traceHashHex(), sim.now());
    }
  }
}
