package dev.dsim.testing;

import dev.dsim.fault.FaultRecord;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * True while no fault of a run is in force: every fault that struck so far has healed (a
 * nemesis may strike again later). The calm of {@link Simulations#faultsHealed}.
 */
final class FaultsHealed implements BooleanSupplier {
  private final RunFaults faults;
  /** Faults before this index have all healed (a heal is never undone). */
  private int healedBefore;

  FaultsHealed(RunFaults faults) {
    this.faults = java.util.Objects.requireNonNull(faults, "faults");
  }

  @Override
  public boolean getAsBoolean() {
    List<FaultRecord> struck = faults.struck();
    while (healedBefore < struck.size() && struck.get(healedBefore).healedAtNanos() >= 0) {
      healedBefore++;
    }
    return healedBefore == struck.size();
  }
}
