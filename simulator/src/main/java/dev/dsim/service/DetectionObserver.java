package dev.dsim.service;

/**
 * Where a failure detector's verdicts go for the experiment: the simulator, which knows whether
 * a suspected node was really down, judges each one (a detection, with its delay, or a false
 * suspicion). Processes never learn the truth through it.
 */
public interface DetectionObserver {
  /** Does nothing: for processes whose verdicts nobody records. */
  DetectionObserver NONE = new DetectionObserver() {
    @Override
    public void suspected(int nodeId) {}

    @Override
    public void trusted(int nodeId) {}
  };

  /** A detector started suspecting node {@code nodeId}. */
  void suspected(int nodeId);

  /** A detector trusts node {@code nodeId} again. */
  void trusted(int nodeId);
}
