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

  /**
   * A record's components, read once per class: how a record message that does not implement
   * {@link TraceSummary} still brings its content into the fingerprint.
   */
  private static final ClassValue<java.lang.invoke.MethodHandle[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected java.lang.invoke.MethodHandle[] computeValue(Class<?> type) {
          java.lang.reflect.RecordComponent[] rc = type.getRecordComponents();
          java.lang.invoke.MethodHandle[] handles = new java.lang.invoke.MethodHandle[rc.length];
          java.lang.invoke.MethodHandles.Lookup lookup;
          try {
            // A record nested privately in the user's class: its accessors are read with the
            // access its own package grants (every package of the class path is open).
            lookup = java.lang.invoke.MethodHandles.privateLookupIn(type,
                java.lang.invoke.MethodHandles.lookup());
          } catch (IllegalAccessException | RuntimeException e) {
            return new java.lang.invoke.MethodHandle[rc.length]; // a module that does not open
          }
          for (int i = 0; i < rc.length; i++) {
            try {
              handles[i] = lookup.unreflect(rc[i].getAccessor());
            } catch (IllegalAccessException | RuntimeException e) {
              handles[i] = null; // not readable: left out
            }
          }
          return handles;
        }
      };

  static long of(Object payload) {
    long code = CODES.get(payload.getClass());
    if (payload instanceof TraceSummary s) {
      code = code * 31 + s.traceSummary();
    } else if (payload instanceof Record r) {
      code = code * 31 + recordSummary(r, 0);
    }
    return code;
  }

  /**
   * The content of a record, component by component: numbers, booleans and characters by
   * value, strings and enum constants by their text, nested records, lists and arrays of these
   * in order. A component whose only hash is by identity (a lambda, an object without its own
   * {@code hashCode}) is refused: only its type's stable name counts, never an identity hash,
   * which would differ from run to run. Other objects count by their own {@code hashCode}.
   */
  private static long recordSummary(Record r, int depth) {
    java.lang.invoke.MethodHandle[] handles = COMPONENTS.get(r.getClass());
    long h = 17;
    for (java.lang.invoke.MethodHandle m : handles) {
      Object value = null;
      if (m != null) {
        try {
          value = m.invoke(r);
        } catch (Throwable e) {
          throw new IllegalStateException("cannot read a component of message "
              + r.getClass().getName() + " for the trace fingerprint", e);
        }
      }
      h = h * 31 + valueSummary(value, depth);
    }
    return h;
  }

  private static long valueSummary(Object v, int depth) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Long n) {
      return n;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Double d) {
      return Double.doubleToLongBits(d);
    }
    if (v instanceof Float f) {
      return Float.floatToIntBits(f);
    }
    if (v instanceof Boolean b) {
      return b ? 1231 : 1237;
    }
    if (v instanceof Character c) {
      return c;
    }
    if (v instanceof String s) {
      return fnv1a(s);
    }
    if (v instanceof Enum<?> e) {
      return fnv1a(e.name());
    }
    if (depth > 8) {
      return CODES.get(v.getClass()); // deep enough: a cycle or a very nested value
    }
    if (v instanceof TraceSummary t) {
      return CODES.get(v.getClass()) * 31 + t.traceSummary();
    }
    if (v instanceof Record nested) {
      return CODES.get(v.getClass()) * 31 + recordSummary(nested, depth + 1);
    }
    if (v instanceof java.util.List<?> list) {
      long h = 1;
      for (Object e : list) {
        h = h * 31 + valueSummary(e, depth + 1);
      }
      return h;
    }
    if (v instanceof byte[] bytes) {
      return java.util.Arrays.hashCode(bytes);
    }
    if (v instanceof long[] longs) {
      return java.util.Arrays.hashCode(longs);
    }
    if (v instanceof int[] ints) {
      return java.util.Arrays.hashCode(ints);
    }
    return hashedByIdentity(v.getClass()) ? CODES.get(v.getClass()) : v.hashCode();
  }

  /** Classes whose hashCode is Object's (an identity hash), cached. */
  private static final ClassValue<Boolean> IDENTITY_HASHED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      if (type.isArray() || type.isHidden() || Proxy.isProxyClass(type)) {
        return true;
      }
      try {
        return type.getMethod("hashCode").getDeclaringClass() == Object.class;
      } catch (NoSuchMethodException e) {
        return true;
      }
    }
  };

  private static boolean hashedByIdentity(Class<?> type) {
    return IDENTITY_HASHED.get(type);
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
