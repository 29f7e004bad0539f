package dev.dsim.arch;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A forbidden-apis signatures file ({@code simulator/src/build/forbidden-*.txt}) read as an
 * ArchUnit condition, so the build-time plugin and {@link ArchitectureTest} enforce one list.
 *
 * <p>Understands the subset of the format those files use: {@code pkg.Class} (any use of the
 * class), {@code pkg.Class#method(p1,p2)} with exact parameter types, {@code #method(**)} (any
 * overload), {@code #<init>(...)} (a constructor) and {@code pkg.Class#field}; an optional
 * {@code @ message} after a signature, and {@code @defaultMessage} for the lines that follow.
 * Anything else (such as {@code @includeBundled}) is rejected rather than silently ignored.
 */
public final class ForbiddenSignatures {
  /** One line of a signatures file: a class, or one of its members, and why it is banned. */
  record Signature(String owner, String member, List<String> parameters, String message) {
    /** Any overload of the member: written {@code (**)}. */
    static final List<String> ANY = List.of("**");

    static Signature parse(String line, String defaultMessage) {
      String text = line;
      String message = defaultMessage;
      int at = line.indexOf(" @ ");
      if (at >= 0) {
        text = line.substring(0, at).strip();
        message = line.substring(at + 3).strip();
      }
      int hash = text.indexOf('#');
      if (hash < 0) {
        return new Signature(text, null, null, message);
      }
      String owner = text.substring(0, hash);
      String rest = text.substring(hash + 1);
      int paren = rest.indexOf('(');
      if (paren < 0) {
        return new Signature(owner, rest, null, message); // a field
      }
      if (!rest.endsWith(")")) {
        throw new IllegalArgumentException("unreadable signature: " + line);
      }
      String inside = rest.substring(paren + 1, rest.length() - 1).strip();
      List<String> params = inside.isEmpty() ? List.of() : List.of(inside.split("\\s*,\\s*"));
      return new Signature(owner, rest.substring(0, paren), params, message);
    }

    boolean isClass() {
      return member == null;
    }

    boolean matches(AccessTarget target) {
      if (isClass() || !target.getName().equals(member) || !declaredIn(target)) {
        return false;
      }
      if (parameters == null) {
        return !(target instanceof CodeUnitAccessTarget); // a field
      }
      if (!(target instanceof CodeUnitAccessTarget code)) {
        return false;
      }
      return parameters.equals(ANY) || code.getRawParameterTypes().stream()
          .map(JavaClass::getName).collect(Collectors.toList()).equals(parameters);
    }

    /** Called as declared, or through a subclass ({@code GregorianCalendar.getInstance()}). */
    private boolean declaredIn(AccessTarget target) {
      if (target.getOwner().getName().equals(owner)) {
        return true;
      }
      Optional<? extends JavaMember> resolved = target.resolveMember();
      return resolved.isPresent() && resolved.get().getOwner().getName().equals(owner);
    }

    @Override
    public String toString() {
      if (isClass()) {
        return owner;
      }
      return owner + "#" + member
          + (parameters == null ? "" : "(" + String.join(",", parameters) + ")");
    }
  }

  private final String file;
  private final List<Signature> signatures;

  private ForbiddenSignatures(String file, List<Signature> signatures) {
    this.file = file;
    this.signatures = List.copyOf(signatures);
  }

  /**
   * Reads {@code name} from {@code simulator/src/build}, found from the working directory of
   * either module's tests ({@code simulator/} or {@code src-examples/}).
   */
  public static ForbiddenSignatures load(String name) {
    Path file = Path.of("src", "build", name);
    if (!Files.isRegularFile(file)) {
      file = Path.of("..", "simulator", "src", "build", name);
    }
    try {
      return parse(name, Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signatures file " + file.toAbsolutePath()
          + " (run the tests from the simulator or src-examples module directory)", e);
    }
  }

  static ForbiddenSignatures parse(String name, List<String> lines) {
    List<Signature> out = new ArrayList<>();
    String defaultMessage = "";
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("@defaultMessage ")) {
        defaultMessage = line.substring("@defaultMessage ".length()).strip();
      } else if (line.startsWith("@")) {
        throw new IllegalArgumentException(name + ": not understood here: " + line);
      } else {
        out.add(Signature.parse(line, defaultMessage));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(name + ": no signatures");
    }
    return new ForbiddenSignatures(name, out);
  }

  List<Signature> signatures() {
    return signatures;
  }

  /**
   * Uses none of the signatures: no dependency on a banned class (field, parameter or return
   * type, call, method reference, cast, supertype...), no call, method reference or field
   * access of a banned member. Each violation names the class and member, the banned API and
   * what to use instead.
   */
  public ArchCondition<JavaClass> notBeUsed() {
    return new ArchCondition<>("use none of the APIs in " + file) { // classes().should(this)
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        for (Dependency d : javaClass.getDirectDependenciesFromSelf()) {
          for (Signature s : signatures) {
            if (s.isClass() && d.getTargetClass().getName().equals(s.owner())) {
              events.add(SimpleConditionEvent.violated(d,
                  d.getDescription() + ": uses " + s + ". " + s.message()));
            }
          }
        }
        for (JavaAccess<?> a : javaClass.getAccessesFromSelf()) {
          for (Signature s : signatures) {
            if (s.matches(a.getTarget())) {
              events.add(SimpleConditionEvent.violated(a,
                  a.getDescription() + ": uses " + s + ". " + s.message()));
            }
          }
        }
      }
    };
  }
}
