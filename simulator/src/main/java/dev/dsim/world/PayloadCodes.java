package dev.dsim.world;

import java.lang.reflect.Proxy;

/**
 * Stable 64-bit codes for payload types: FNV-1a of a stable name of the class (never an identity
 * hash), cached per class so the hot path does not re-hash a string per message.
 *
 * <p>The stable name is the class's binary name, except where the JVM makes names up at run time:
 * <ul>
 *   <li>a <b>lambda</b> (or other hidden class) is named {@code Host$$Lambda$14/0x0000000800c02a00}
 *       on JDK 17 and {@code Host$$Lambda/0x…} on later JDKs: a per-JVM counter and an address.
 *       Its stable name is everything up to and including {@code $$Lambda} ({@code Host$$Lambda});
 *       for a hidden class that is not a lambda, everything before the {@code /}. So <em>every
 *       lambda defined in one class has the same code</em>: the fingerprint tells a lambda
 *       payload of {@code Host} from other types, not from another lambda of {@code Host}.
 *       That is enough for a fingerprint (the event's time, kind and nodes are hashed too, and
 *       a payload that wants more implements {@link TraceSummary}), and it is the price of
 *       codes that do not depend on how many lambdas the JVM spun up before;
 *   <li>a <b>dynamic proxy</b> ({@code $Proxy12}, numbered in creation order, in a package that
 *       depends on the module) is named {@code $Proxy[I1,I2]}: its interfaces' names in
 *       declaration order, so two proxy classes for the same interfaces share a code.
 * </ul>
 * Other names (top-level, nested, anonymous {@code Outer$1}, arrays, records, enums) come from
 * the compiler and are the same on every JVM.
 */
final class PayloadCodes {
  private static final String LAMBDA = "$$Lambda";

  private static final ClassValue<Long> CODES = new ClassValue<>() {
    @Override
    protected Long computeValue(Class<?> type) {
      return fnv1a(stableName(type));
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

  /** The name the code is computed from: the binary name without JVM-made-up parts. */
  static String stableName(Class<?> type) {
    String name = type.getName();
    if (type.isHidden()) {
      int lambda = name.indexOf(LAMBDA);
      if (lambda >= 0) {
        return name.substring(0, lambda + LAMBDA.length());
      }
      int slash = name.indexOf('/');
      return slash >= 0 ? name.substring(0, slash) : name;
    }
    if (Proxy.isProxyClass(type)) {
      Class<?>[] interfaces = type.getInterfaces();
      StringBuilder b = new StringBuilder("$Proxy[");
      for (int i = 0; i < interfaces.length; i++) {
        b.append(i == 0 ? "" : ",").append(stableName(interfaces[i]));
      }
      return b.append(']').toString();
    }
    return name;
  }

  /** FNV-1a over the UTF-16 code units of {@code s}. */
  static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
