package dev.dsim.fault;

import java.util.Objects;

/**
 * What a fault did when it struck: the targets as logged ({@code "web-1,web-2 x10.0"}), how
 * long it lasts, and how to undo it. A fault whose act is over at once (a clock jump, bits
 * flipped on a disk) has no heal and is logged as healed when it strikes.
 *
 * @param kind the kind logged ("crash", "partition", …)
 * @param label what was hit, as the fault log and results.json show it
 * @param lasting when the heal runs by itself
 * @param heal undoes the fault; null when there is nothing to undo
 * @param struck the fault as it struck, made concrete: its targets are the nodes it hit (a
 *     random node drawn, a random split's two groups), so a schedule holding {@code struck}
 *     at the strike's time does the same again without the nemesis or its draws
 */
public record Strike(String kind, String label, Lasting lasting, Runnable heal, Fault struck) {
  public Strike {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(lasting, "lasting");
    Objects.requireNonNull(struck, "struck");
  }

  /** A fault whose act is over as soon as it struck: logged as healed at once. */
  static Strike instant(String kind, String label, Fault struck) {
    return new Strike(kind, label, Lasting.forever(), null, struck);
  }
}
