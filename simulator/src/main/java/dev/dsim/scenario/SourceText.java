package dev.dsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a scenario file's text: refuses a file larger than {@link Limits#FILE_BYTES} before
 * reading it, skips a UTF-8 byte-order mark, names UTF-16 and UTF-32 files as such, and locates
 * the first byte that is not UTF-8 (line, column and byte offset). It does not parse JSON.
 */
final class SourceText {
  private SourceText() {}

  /** The file's text, or a ScenarioException saying why it cannot be read as a scenario. */
  static String read(Path file) throws ScenarioException {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > Limits.FILE_BYTES) {
        throw tooLarge(name, Files.size(file));
      }
      try (InputStream in = Files.newInputStream(file)) {
        // Not a regular file (a pipe): read no more than the limit allows, plus one byte.
        bytes = in.readNBytes((int) Limits.FILE_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      throw single(name, 0, 0, "no such file", "check the path; scenarios live in scenarios/");
    } catch (AccessDeniedException e) {
      throw single(name, 0, 0, "permission denied", "check the file's permissions");
    } catch (IOException e) {
      throw single(name, 0, 0, "cannot read the file: " + e.getMessage(),
          "check that it is a readable file, not a directory");
    }
    if (bytes.length > Limits.FILE_BYTES) {
      throw tooLarge(name, bytes.length);
    }
    return decode(name, bytes);
  }

  /** UTF-8 text of {@code bytes}, without a leading byte-order mark. */
  static String decode(String name, byte[] bytes) throws ScenarioException {
    String other = otherUnicode(bytes);
    if (other != null) {
      throw single(name, 1, 1, "the file is " + other + " text, not UTF-8",
          "save it as UTF-8 (in most editors: Save with Encoding, UTF-8)");
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      throw notUtf8(name, bytes, in.position(), out.flip());
    }
    return out.flip().toString();
  }

  /**
   * "UTF-16 (little-endian)" and the like when the byte-order mark or the pattern of zero bytes
   * in the first four (RFC 4627, section 3: JSON starts with two ASCII characters) says so.
   */
  private static String otherUnicode(byte[] b) {
    int b0 = b.length > 0 ? b[0] & 0xFF : -1;
    int b1 = b.length > 1 ? b[1] & 0xFF : -1;
    int b2 = b.length > 2 ? b[2] & 0xFF : -1;
    int b3 = b.length > 3 ? b[3] & 0xFF : -1;
    if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
      return "UTF-32 (big-endian)";
    }
    if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
      return "UTF-32 (little-endian)";
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return "UTF-16 (big-endian)";
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      return "UTF-16 (little-endian)";
    }
    if (b.length >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
      return "UTF-32 (big-endian)";
    }
    if (b.length >= 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
      return "UTF-32 (little-endian)";
    }
    if (b.length >= 4 && b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
      return "UTF-16 (big-endian)";
    }
    if (b.length >= 4 && b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
      return "UTF-16 (little-endian)";
    }
    return null;
  }

  private static ScenarioException notUtf8(String name, byte[] bytes, int offset,
      CharSequence before) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    int bad = offset < bytes.length ? bytes[offset] & 0xFF : 0;
    String message = String.format(Locale.ROOT, "the file is not UTF-8 text: byte 0x%02X at "
        + "byte offset %d is not valid UTF-8", bad, offset);
    String hint = "save it as UTF-8" + (bad >= 0xA0
        ? String.format(Locale.ROOT, " (0x%02X alone is '%c' in Latin-1 or Windows-1252, which "
            + "this file is probably in)", bad, (char) bad) : "");
    return single(name, line, column, message, hint);
  }

  private static ScenarioException tooLarge(String name, long size) {
    return single(name, 0, 0, "the file is " + Limits.count(size) + " bytes; a scenario file "
        + "is at most " + Limits.count(Limits.FILE_BYTES) + " bytes (4 MiB)",
        "is this the right file? To compare many systems, use a few variants, not thousands; "
        + "for many faults, use \"faults.random\"");
  }

  static ScenarioException single(String file, int line, int column, String message,
      String hint) {
    return new ScenarioException(List.of(new ScenarioError(file, line, column, "$", message,
        hint)));
  }
}
