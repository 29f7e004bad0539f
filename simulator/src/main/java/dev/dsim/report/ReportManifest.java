package dev.dsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code dsim-run.json}, the manifest of a report directory: which dsim wrote it, with which
 * command, whether it is complete, the command line that writes it again, and every file it
 * wrote with its size and SHA-256. The file list is what lets {@code --force} replace a report
 * while removing only dsim's own, unchanged files: a file a user added is not listed, and a file
 * a user edited no longer matches its digest. No timestamps: the same command gives the same
 * manifest.
 *
 * @param writtenBy "dsim 0.1.0", the version that wrote the report
 * @param command the dsim command ("run", "compare", …)
 * @param complete false when the report covers only part of the planned work (interrupted, or
 *     stopped early by {@code --stop-after})
 * @param interrupted whether Ctrl-C (or a termination signal) cut the work short
 * @param scenarioFiles the scenario files as the command named them
 * @param reproduce the command line that writes this report again
 */
public record ReportManifest(String writtenBy, String command, boolean complete,
    boolean interrupted, List<String> scenarioFiles, String reproduce) {
  /** The manifest's file name in every report directory. */
  public static final String FILE = "dsim-run.json";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  public ReportManifest {
    Objects.requireNonNull(writtenBy, "writtenBy");
    Objects.requireNonNull(command, "command");
    scenarioFiles = List.copyOf(scenarioFiles);
    Objects.requireNonNull(reproduce, "reproduce");
  }

  /** A file of the report: its path relative to the report ('/'-separated), size and digest. */
  public record Entry(String path, long bytes, String sha256) {}

  /** The manifest's JSON, listing every regular file under {@code dir} but the manifest. */
  String json(Path dir) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("writtenBy", writtenBy);
    root.put("command", command);
    root.put("complete", complete);
    root.put("interrupted", interrupted);
    ArrayNode f = root.putArray("scenarioFiles");
    scenarioFiles.forEach(f::add);
    root.put("reproduce", reproduce);
    ArrayNode files = root.putArray("files");
    for (Entry e : entries(dir)) {
      ObjectNode o = files.addObject();
      o.put("path", e.path());
      o.put("bytes", e.bytes());
      o.put("sha256", e.sha256());
    }
    return MAPPER.writeValueAsString(root) + "\n";
  }

  /** Every regular file under {@code dir} except the manifest, in path order. */
  static List<Entry> entries(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> s = Files.walk(dir)) {
      paths = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !dir.relativize(p).toString().equals(FILE))
          .sorted().toList();
    }
    List<Entry> list = new ArrayList<>();
    for (Path p : paths) {
      list.add(new Entry(relative(dir, p), Files.size(p), sha256(p)));
    }
    return list;
  }

  private static String relative(Path dir, Path p) {
    return dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        md.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * What {@code --force} may remove from {@code dir}: the files its manifest lists that are
   * still exactly as dsim wrote them, and the manifest itself. Throws when the manifest is not
   * one dsim wrote or cannot vouch for its files (an earlier version's, without a file list), or
   * when a listed file was changed since (it is someone's edit: not dsim's to delete).
   */
  static List<Path> removableFiles(Path dir) throws ReportDirectory.UnusableException,
      IOException {
    Path manifest = dir.resolve(FILE);
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      throw new ReportDirectory.UnusableException(dir + " holds files that dsim did not write "
          + "(no " + FILE + "), so --force will not delete them", "choose another --out");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(manifest.toFile());
    } catch (JsonProcessingException e) {
      throw notDsims(dir, "its " + FILE + " is not a dsim manifest");
    }
    if (root == null || !root.path("writtenBy").asText("").startsWith("dsim")
        || !root.path("command").isTextual()) {
      throw notDsims(dir, "its " + FILE + " is not a dsim manifest");
    }
    JsonNode files = root.get("files");
    if (files == null || !files.isArray()) {
      throw new ReportDirectory.UnusableException(dir + " was written by an earlier dsim, whose "
          + FILE + " does not list its files, so --force cannot tell them from yours",
          "delete that directory yourself, or choose another --out");
    }
    List<Path> removable = new ArrayList<>();
    for (JsonNode f : files) {
      Path p = listedPath(dir, f);
      if (p == null) {
        throw notDsims(dir, "its " + FILE + " lists a path outside the report ("
            + f.path("path").asText("?") + ")");
      }
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        continue; // Gone already: nothing to remove.
      }
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile() || a.size() != f.path("bytes").asLong(-1)
          || !sha256(p).equals(f.path("sha256").asText())) {
        throw new ReportDirectory.UnusableException(p + " was changed since dsim wrote it, "
            + "so --force will not delete it", "move it out of " + dir
            + ", or choose another --out");
      }
      removable.add(p);
    }
    removable.add(manifest);
    List<String> foreign = unlisted(dir, removable);
    if (!foreign.isEmpty()) {
      throw new ReportDirectory.UnusableException(dir + " holds files that dsim did not write ("
          + String.join(", ", foreign) + "), so --force will neither delete them nor mix a new "
          + "report with them", "move them out of " + dir + ", or choose another --out");
    }
    return removable;
  }

  /** Up to three entries under {@code dir} that are neither directories nor {@code listed}. */
  private static List<String> unlisted(Path dir, List<Path> listed) throws IOException {
    java.util.Set<Path> known = new java.util.HashSet<>(listed); // Lookups only.
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !known.contains(p)) {
          foreign.add(relative(dir, p));
          if (foreign.size() == 3) {
            break;
          }
        }
      }
    }
    return foreign;
  }

  /** A listed path, if it is a plain relative path inside {@code dir}; else null. */
  private static Path listedPath(Path dir, JsonNode f) {
    String text = f.path("path").asText("");
    if (text.isEmpty() || text.startsWith("/") || text.contains("\\") || text.contains("\0")) {
      return null;
    }
    for (String part : text.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return null;
      }
    }
    Path p = dir.resolve(text).normalize();
    if (!p.startsWith(dir) || p.equals(dir)) {
      return null;
    }
    // No symbolic link on the way: the file must really be inside the report.
    for (Path at = p.getParent(); at != null && !at.equals(dir); at = at.getParent()) {
      if (Files.isSymbolicLink(at)) {
        return null;
      }
    }
    return p;
  }

  private static ReportDirectory.UnusableException notDsims(Path dir, String why) {
    return new ReportDirectory.UnusableException(dir + " does not look like a dsim report ("
        + why + "), so --force will not delete anything there", "choose another --out");
  }
}
