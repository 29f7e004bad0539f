package dev.dsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's {@link StreamConstraintsException} (a number, string or key too long, nesting
 * too deep, too many tokens; the limits are {@link Limits}') into a located error that says which
 * limit and how to stay within it. Jackson's own message names its API, not the file.
 */
final class JsonLimits {
  private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

  private JsonLimits() {}

  static ScenarioError error(String file, JsonParser p, StreamConstraintsException e) {
    int line = 0;
    int column = 0;
    String path = "$";
    if (p != null) {
      JsonLocation at = p.currentLocation();
      line = at.getLineNr();
      column = at.getColumnNr();
      if (p.getParsingContext() != null) {
        path = Paths.fromPointer(p.getParsingContext().pathAsPointer().toString());
      }
    }
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher found = LENGTH.matcher(m);
    String got = found.find() ? found.group(1) : "?";
    String message;
    String hint;
    if (m.startsWith("Number value length")) {
      message = "a number of " + got + " characters; at most " + Limits.NUMBER_CHARS;
      hint = "no setting needs that many digits: write 1e9 rather than 1000000000…, and check "
          + "the file for a pasted run of digits";
    } else if (m.startsWith("String value length")) {
      message = "a string of " + got + " characters; at most " + Limits.count(Limits.STRING_CHARS);
      hint = "a scenario's strings are names, durations and a description; check for a missing "
          + "closing quote";
    } else if (m.startsWith("Name length")) {
      message = "a key of " + got + " characters; at most " + Limits.count(Limits.KEY_CHARS);
      hint = "keys are names of settings, tiers and variants; check for a missing quote";
    } else if (m.startsWith("Document nesting depth")) {
      message = "JSON nested " + got + " levels deep; at most " + Limits.NESTING_DEPTH;
      hint = "the format needs a few levels only; check for brackets or braces that are opened "
          + "and never closed";
    } else if (m.startsWith("Token count")) {
      message = "more than " + Limits.count(Limits.TOKENS) + " JSON values";
      hint = "is this the right file? Use \"faults.random\" rather than a huge schedule, and a "
          + "few variants rather than thousands";
    } else {
      message = "the file is larger than " + Limits.count(Limits.FILE_BYTES) + " characters";
      hint = "is this the right file?";
    }
    return new ScenarioError(file, line, column, path, message, hint);
  }
}
