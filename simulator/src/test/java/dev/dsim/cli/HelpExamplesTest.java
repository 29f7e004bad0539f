package dev.dsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every example in the {@code --help} texts works as shown: each {@code --option VALUE} a
 * command's or option's description gives is accepted by that command, and each {@code --set}
 * and {@code --param} example applies cleanly to some shipped scenario (validate exits 0).
 */
final class HelpExamplesTest {
  /** An option and its value as the help text writes them; prose after a flag is skipped. */
  private static final Pattern EXAMPLE = Pattern.compile(
      "(--[a-z][a-z-]*)[ =]('[^']*'|[^\\s,;)]+)");

  record Example(String command, String option, String value) {}

  static List<Example> examples() {
    List<Example> out = new ArrayList<>();
    CommandLine main = Main.commandLine();
    for (CommandLine sub : main.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
      for (OptionSpec o : spec.options()) {
        texts.add(String.join(" ", o.description()));
      }
      for (String text : texts) {
        Matcher m = EXAMPLE.matcher(text);
        while (m.find()) {
          String value = m.group(2).replaceAll("\\.$", "").replaceAll("^'|'$", "");
          OptionSpec o = spec.findOption(m.group(1));
          // An example, not prose ("--require of its seeds") or a placeholder (PATH=VALUE).
          boolean structured = value.matches(".*[0-9=%,.].*")
              && !value.equals(value.toUpperCase(java.util.Locale.ROOT));
          if (o != null && o.arity().max() > 0 && structured) {
            out.add(new Example(spec.name(), m.group(1), value));
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyOptionExample_isAcceptedByItsCommand() {
    List<Example> examples = examples();
    assertThat(examples).extracting(Example::option)
        .contains("--set", "--param", "--precision");
    for (Example e : examples) {
      List<String> args = new ArrayList<>(List.of(e.command(), "../scenarios/sizing.json"));
      // The command's required options, with plain values, so that only the example is tried.
      for (OptionSpec o : Main.commandLine().getSubcommands().get(e.command()).getCommandSpec()
          .options()) {
        if (o.required() && !o.longestName().equals(e.option())) {
          args.add(o.longestName());
          args.add(switch (o.longestName()) {
            case "--seeds" -> "2";
            case "--seed" -> "1";
            default -> throw new AssertionError("a value for " + o.longestName());
          });
        }
      }
      args.add(e.option());
      args.add(e.value());
      assertThatCode(() -> Main.commandLine().parseArgs(args.toArray(new String[0])))
          .as("dsim %s", String.join(" ", args)).doesNotThrowAnyException();
    }
  }

  @Test
  void everySetAndParamExample_appliesToAShippedScenario() throws Exception {
    List<Path> shipped;
    try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
      shipped = files.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("scenario.schema.json"))
          .sorted().toList();
    }
    List<String> sets = new ArrayList<>();
    for (Example e : examples()) {
      if (e.option().equals("--set")) {
        sets.add(e.value());
      } else if (e.option().equals("--param")) {
        ParamAxis axis = ParamAxis.parse(e.value());
        for (int i = 0; i < axis.values().size(); i++) {
          sets.add(axis.set(i));
        }
      }
    }
    assertThat(sets).hasSizeGreaterThanOrEqualTo(5);
    for (String set : sets) {
      boolean applies = false;
      for (Path f : shipped) {
        if (CliRunner.run("validate", f.toString(), "--set", set).exitCode() == 0) {
          applies = true;
          break;
        }
      }
      assertThat(applies).as("--set %s applies to some shipped scenario", set).isTrue();
    }
  }
}
