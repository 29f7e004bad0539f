package dev.dsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Payload codes come from names that are the same on every JVM: never from the counter and
 * address the JVM puts in a lambda's or proxy's class name.
 */
final class PayloadCodesTest {

  record Ping(int n) {
    static Runnable lambda() {
      return () -> {};
    }
  }

  record Tagged(long id) implements TraceSummary {
    @Override
    public long traceSummary() {
      return id;
    }
  }

  /** A class that is not a record: only its type counts. */
  static final class Plain {
    final int n;

    Plain(int n) {
      this.n = n;
    }
  }

  @Test
  void ordinaryClass_codeIsFnvOfItsBinaryName() {
    assertThat(PayloadCodes.of(new Plain(1)))
        .isEqualTo(PayloadCodes.fnv1a("dev.dsim.world.PayloadCodesTest$Plain"))
        .isEqualTo(PayloadCodes.of(new Plain(2)));
    // A record brings its content: the type's code, then its components.
    assertThat(PayloadCodes.of(new Ping(1))).isNotEqualTo(PayloadCodes.of(new Ping(2)));
    assertThat(PayloadCodes.of("text")).isEqualTo(PayloadCodes.fnv1a("java.lang.String"));
    assertThat(PayloadCodes.of(new int[0])).isEqualTo(PayloadCodes.fnv1a("[I"));
    // FNV-1a of "a": the published 64-bit test vector.
    assertThat(PayloadCodes.fnv1a("a")).isEqualTo(0xaf63dc4c8601ec8cL);
  }

  @Test
  void traceSummary_isMixedIn() {
    long type = PayloadCodes.fnv1a("dev.dsim.world.PayloadCodesTest$Tagged");
    assertThat(PayloadCodes.of(new Tagged(7))).isEqualTo(type * 31 + 7);
    assertThat(PayloadCodes.of(new Tagged(8))).isNotEqualTo(PayloadCodes.of(new Tagged(7)));
  }

  @Test
  void lambdas_codeIsTheirHostsLambdaName_notTheCounterOrAddress() {
    Runnable first = () -> {};
    Supplier<String> second = () -> "payload";
    IntSupplier third = () -> 42;
    // The JVM's names carry a counter and an address: different classes, different names.
    assertThat(first.getClass().isHidden()).isTrue();
    assertThat(first.getClass().getName()).contains("$$Lambda").contains("/");
    assertThat(first.getClass()).isNotEqualTo(second.getClass());
    assertThat(first.getClass().getName()).isNotEqualTo(second.getClass().getName());
    // The code is that of the stable name: the host class and the $$Lambda marker.
    long expected = PayloadCodes.fnv1a("dev.dsim.world.PayloadCodesTest$$Lambda");
    assertThat(PayloadCodes.stableName(first.getClass()))
        .isEqualTo("dev.dsim.world.PayloadCodesTest$$Lambda");
    assertThat(PayloadCodes.of(first)).isEqualTo(expected);
    assertThat(PayloadCodes.of(second)).isEqualTo(expected);
    assertThat(PayloadCodes.of(third)).isEqualTo(expected);
    // Still told apart from the host class itself and from other hosts' lambdas.
    assertThat(expected).isNotEqualTo(PayloadCodes.fnv1a("dev.dsim.world.PayloadCodesTest"));
    assertThat(PayloadCodes.of(Ping.lambda())).isEqualTo(
        PayloadCodes.fnv1a("dev.dsim.world.PayloadCodesTest$Ping$$Lambda"));
  }

  @Test
  void proxies_codeIsTheirInterfaces_notTheirCreationNumber() {
    InvocationHandler h = (proxy, method, args) -> null;
    ClassLoader loader = getClass().getClassLoader();
    Object a = Proxy.newProxyInstance(loader, new Class<?>[] {Runnable.class}, h);
    Object b = Proxy.newProxyInstance(new ClassLoader(loader) {}, new Class<?>[] {Runnable.class},
        h);
    assertThat(a.getClass()).isNotEqualTo(b.getClass()); // $ProxyN and $ProxyM
    assertThat(PayloadCodes.stableName(a.getClass())).isEqualTo("$Proxy[java.lang.Runnable]");
    assertThat(PayloadCodes.of(a)).isEqualTo(PayloadCodes.of(b));
    Object c = Proxy.newProxyInstance(loader, new Class<?>[] {Runnable.class,
        IntSupplier.class}, h);
    assertThat(PayloadCodes.stableName(c.getClass()))
        .isEqualTo("$Proxy[java.lang.Runnable,java.util.function.IntSupplier]");
  }

  enum Phase { PREPARE, COMMIT }

  record Inner(String key, long version) {}

  record Msg(long id, int n, boolean b, double d, String s, Phase p, Inner inner,
      java.util.List<Integer> list, byte[] bytes) {}

  record WithCallback(long id, Runnable then) {}

  /** An object that hashes by identity, as a component. */
  static final class Opaque {}

  @Test
  void aRecordWithoutTraceSummary_bringsItsContent_componentByComponent() {
    Msg a = new Msg(1, 2, true, 0.5, "k", Phase.COMMIT, new Inner("x", 3), java.util.List.of(4),
        new byte[] {5});
    Msg same = new Msg(1, 2, true, 0.5, "k", Phase.COMMIT, new Inner("x", 3),
        java.util.List.of(4), new byte[] {5});
    assertThat(PayloadCodes.of(same)).isEqualTo(PayloadCodes.of(a));
    // Each component counts: change any one, the code changes.
    assertThat(java.util.List.of(
        new Msg(9, 2, true, 0.5, "k", Phase.COMMIT, new Inner("x", 3), java.util.List.of(4),
            new byte[] {5}),
        new Msg(1, 2, false, 0.5, "k", Phase.COMMIT, new Inner("x", 3), java.util.List.of(4),
            new byte[] {5}),
        new Msg(1, 2, true, 0.5, "k", Phase.PREPARE, new Inner("x", 3), java.util.List.of(4),
            new byte[] {5}),
        new Msg(1, 2, true, 0.5, "k", Phase.COMMIT, new Inner("x", 4), java.util.List.of(4),
            new byte[] {5}),
        new Msg(1, 2, true, 0.5, "k", Phase.COMMIT, new Inner("x", 3), java.util.List.of(5),
            new byte[] {5}),
        new Msg(1, 2, true, 0.5, "k", Phase.COMMIT, new Inner("x", 3), java.util.List.of(4),
            new byte[] {6})))
        .extracting(PayloadCodes::of).doesNotContain(PayloadCodes.of(a)).doesNotHaveDuplicates();
  }

  @Test
  void identityHashedComponents_areRefused_onlyTheirTypeCounts() {
    Runnable one = () -> { };
    Runnable other = () -> { };
    assertThat(PayloadCodes.of(new WithCallback(1, one)))
        .isEqualTo(PayloadCodes.of(new WithCallback(1, other)))
        .isNotEqualTo(PayloadCodes.of(new WithCallback(2, one)));
    record HoldsOpaque(Opaque o) {}
    assertThat(PayloadCodes.of(new HoldsOpaque(new Opaque())))
        .isEqualTo(PayloadCodes.of(new HoldsOpaque(new Opaque())));
  }
}
