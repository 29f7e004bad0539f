package dev.dsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** Which failures are the user's environment (exit 2, with a hint) and which are dsim's bugs. */
final class FileProblemTest {
  @Test
  void fileSystemErrors_areTheEnvironments_withThePathAndAHint() {
    FileProblem denied = FileProblem.of(new AccessDeniedException("/srv/reports/x"));
    assertThat(denied.message()).isEqualTo("/srv/reports/x: permission denied");
    assertThat(denied.hint()).contains("--out");
    FileProblem full = FileProblem.of(new FileSystemException("/data/r/results.json", null,
        "No space left on device"));
    assertThat(full.message()).contains("/data/r/results.json", "No space left");
    assertThat(full.hint()).contains("free some disk space");
    FileProblem tooLong = FileProblem.of(new UncheckedIOException(new FileSystemException(
        "reports/xxxx", null, "File name too long")));
    assertThat(tooLong.hint()).contains("shorten");
    FileProblem readOnly = FileProblem.of(new IOException("Read-only file system"));
    assertThat(readOnly.hint()).contains("--out");
  }

  @Test
  void otherFailures_areNotBlamedOnTheEnvironment() {
    assertThat(FileProblem.of(new IllegalStateException("a bug"))).isNull();
    assertThat(FileProblem.of(new IOException("something dsim did wrong"))).isNull();
    assertThat(FileProblem.of(new JsonParseException(null, "bad JSON dsim wrote"))).isNull();
  }
}
