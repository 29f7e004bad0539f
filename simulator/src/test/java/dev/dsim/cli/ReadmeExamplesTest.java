package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command the README shows ({@code $ dsim …} or {@code $ java -jar
 * simulator/target/dsim.jar …} in its code blocks) runs as shown: it parses, is not refused as
 * bad input, and every trace hash printed in the output the README shows under it is in the
 * output it really prints (a README whose figures went stale fails here). Paths are the
 * repository's; reports go to a temporary directory instead of {@code reports/}.
 */
final class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{16}\\b");

  @TempDir
  static Path dir;

  /** A command of the README: where it is, its arguments, and the output shown under it. */
  record Example(int line, List<String> args, List<String> shown) {
    @Override
    public String toString() {
      return "README.md:" + line + ": dsim " + String.join(" ", args);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCommandInTheReadme_runsAsShown() throws Exception {
    List<Example> examples = examples(Files.readAllLines(README));
    assertThat(examples).as("the README's commands").hasSizeGreaterThanOrEqualTo(10);
    List<DynamicTest> tests = new ArrayList<>();
    for (Example e : examples) {
      tests.add(DynamicTest.dynamicTest(e.toString(), () -> check(e)));
    }
    return tests.stream();
  }

  private static void check(Example e) {
    List<String> args = new ArrayList<>();
    for (String a : e.args()) {
      args.add(a.startsWith("scenarios/") || a.startsWith("simulator/") ? "../" + a : a);
    }
    String command = args.get(0);
    Path out = dir.resolve("example-" + e.line());
    if (List.of("run", "compare", "sweep").contains(command)) {
      args.add("--out");
      args.add(out.toString());
    } else if (command.equals("replay")) {
      args.add("--trace");
      args.add(out.resolve("trace.jsonl").toString());
    }
    CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
    String all = r.out() + r.err();
    assertThat(r.exitCode()).as("%s\n%s", e, all).isIn(0, 1);
    assertThat(all).as(e.toString()).doesNotContain("internal error");
    if (args.contains("--expect-hash")) {
      // The replay of a failing seed fails its expectation again (exit 1): the hash decides.
      assertThat(all).as("%s: the hash it expects\n%s", e, all).contains("as expected");
    }
    for (String line : e.shown()) {
      Matcher m = HASH.matcher(line);
      while (m.find()) {
        assertThat(all).as("%s shows %s", e, m.group()).contains(m.group());
      }
    }
  }

  /** The commands of the README's code blocks, continuation lines joined. */
  static List<Example> examples(List<String> lines) {
    List<Example> out = new ArrayList<>();
    boolean inBlock = false;
    Example current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        current = null;
        continue;
      }
      if (!inBlock) {
        continue;
      }
      if (line.startsWith("$ ")) {
        int at = i + 1;
        StringBuilder cmd = new StringBuilder(line.substring(2));
        while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
          cmd.setLength(cmd.length() - 1);
          cmd.append(' ').append(lines.get(++i).trim());
        }
        List<String> words = words(cmd.toString());
        current = null;
        if (words.isEmpty() || cmd.toString().contains("|") || cmd.toString().contains(">")) {
          continue;
        }
        int skip = words.get(0).equals("dsim") ? 1 : words.size() > 2
            && words.get(0).equals("java") && words.get(2).endsWith("dsim.jar") ? 3 : -1;
        if (skip > 0) {
          current = new Example(at, words.subList(skip, words.size()), new ArrayList<>());
          out.add(current);
        }
      } else if (current != null) {
        current.shown().add(line);
      }
    }
    return out;
  }

  /** Words as a POSIX shell splits them: single and double quotes, backslash escapes. */
  static List<String> words(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        w.append(s, i + 1, end);
        i = end;
        any = true;
      } else if (c == '"') {
        int j = i + 1;
        for (; s.charAt(j) != '"'; j++) {
          if (s.charAt(j) == '\\') {
            j++;
          }
          w.append(s.charAt(j));
        }
        i = j;
        any = true;
      } else if (c == '\\' && i + 1 < s.length()) {
        w.append(s.charAt(++i));
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any) {
          words.add(w.toString());
          w.setLength(0);
          any = false;
        }
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(w.toString());
    }
    return words;
  }
}
