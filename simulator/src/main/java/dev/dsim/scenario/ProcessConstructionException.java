package dev.dsim.scenario;

/**
 * The constructor of a user's {@link dev.dsim.world.Process} class (a {@code "kind": "process"}
 * tier) threw: a problem with the user's code or its settings, not with dsim. The message names
 * the class and what its constructor threw ({@code com.example.Leader's constructor threw
 * IllegalArgumentException: electionTimeout must be positive}); the cause is the constructor's
 * own exception. It is unchecked because it escapes from a node's start, deep inside a run.
 */
public final class ProcessConstructionException extends RuntimeException {
  private final String tier;
  private final String className;

  /**
   * @param tier the tier whose node was being built, or null when not known
   * @param className the user's class, by its full name
   * @param cause what the constructor (or the class's static initializer) threw
   */
  public ProcessConstructionException(String tier, String className, Throwable cause) {
    super(message(tier, className, cause), cause);
    this.tier = tier;
    this.className = className;
  }

  private static String message(String tier, String className, Throwable cause) {
    String what = cause == null ? "failed" : "threw " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return className + "'s constructor " + what + (tier == null ? "" : " (tier " + tier + ")");
  }

  /** The same failure, knowing the tier. */
  public ProcessConstructionException inTier(String tierName) {
    ProcessConstructionException e = new ProcessConstructionException(tierName, className,
        getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** The tier whose node was being built, or null when not known. */
  public String tier() {
    return tier;
  }

  /** The user's class, by its full name. */
  public String className() {
    return className;
  }
}
