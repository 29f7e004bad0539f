package dev.dsim.run;

import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The reorder buffer of a streamed sweep: jobs finish in any order (threads, Spark partitions),
 * and the sink hears of them in job order, each as soon as every earlier job is known, so what
 * it writes does not depend on the engine or its partitioning. Only the jobs that finished ahead
 * of a slower earlier one wait here. With {@code stopAfter}, nothing after the
 * {@code stopAfter}-th failing job in job order reaches the sink: what a serial run that stopped
 * there would have. Not thread-safe: the engines call it one job at a time.
 */
public final class InOrder {
  private final int stopAfter;
  private final Consumer<StreamedRun> sink;
  private final TreeMap<Integer, StreamedRun> waiting = new TreeMap<>();
  private int next;
  private int failures;
  private boolean stopped;

  /** @param stopAfter stop after this many failing jobs (0: never) */
  public InOrder(int stopAfter, Consumer<StreamedRun> sink) {
    this.stopAfter = stopAfter;
    this.sink = sink;
  }

  /** A finished job: passed on now if every earlier one was, else kept until they are. */
  public void offer(StreamedRun run) {
    if (stopped || run.index() < next) {
      return;
    }
    waiting.put(run.index(), run);
    StreamedRun head;
    while (!stopped && (head = waiting.remove(next)) != null) {
      emit(head);
      next = head.index() + 1;
    }
  }

  /**
   * The end of the sweep: the jobs still waiting behind one that never finished (abandoned by
   * Ctrl-C) go to the sink in job order, so an interrupted sweep keeps every finished run.
   */
  public void drain() {
    while (!stopped && !waiting.isEmpty()) {
      StreamedRun head = waiting.pollFirstEntry().getValue();
      emit(head);
      next = head.index() + 1;
    }
    waiting.clear();
  }

  /** Whether the {@code stopAfter}-th failing job has reached the sink. */
  public boolean stopped() {
    return stopped;
  }

  private void emit(StreamedRun run) {
    sink.accept(run);
    if (stopAfter > 0 && run.failing() && ++failures == stopAfter) {
      stopped = true;
      waiting.clear();
    }
  }
}
