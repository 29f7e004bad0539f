package dev.dsim.world;

/**
 * Stable 64-bit codes for payload types, from their class name (never an identity hash), cached
 * per class so the hot path does not re-hash a string per message.
 */
final class PayloadCodes {
  private static final ClassValue<Long> CODES = new ClassValue<>() {
    @Override
    protected Long computeValue(Class<?> type) {
      long h = 0xcbf29ce484222325L;
      String name = type.getName();
      for (int i = 0; i < name.length(); i++) {
        h ^= name.charAt(i);
        h *= 0x100000001b3L;
      }
      return h;
    }
  };

  private PayloadCodes() {}

  static long of(Object payload) {
    long code = CODES.get(payload.getClass());
    if (payload instanceof TraceSummary s) {
      code = code * 31 + s.traceSummary();
    }
    return code;
  }
}
