package dev.dsim.report;

/**
 * A small builder for dsim's self-contained HTML reports: escaped text, tables, figures that
 * point at chart files next to the page, and one stylesheet inline, so a report opens from disk
 * with no network. A script marks on the page how many of its images loaded, which the
 * headless-browser test reads.
 */
final class Html {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;
      max-width:1000px;padding:0 1em;color:#222;line-height:1.45}
      h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
      table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
      th,td{border:1px solid #ddd;padding:.25em .6em;text-align:right}
      th{background:#f4f4f4}td.l,th.l{text-align:left}
      .ok{color:#2e7d32;font-weight:600}.failed{color:#c62828;font-weight:600}
      figure{margin:1em 0}figure img{max-width:100%;border:1px solid #eee}
      figcaption{font-size:.85em;color:#555}
      pre{background:#f6f8fa;padding:.6em;overflow-x:auto;font-size:.85em}
      .muted{color:#666}
      .warning{background:#fff4e5;border:1px solid #f0b35b;padding:.6em;font-weight:600}
      """;
  private static final String LOADED_CHECK = """
      <script>var dsimErrors=0;window.addEventListener('error',function(){dsimErrors++;},true);
      window.addEventListener('load',function(){var im=document.images,n=0;
      for(var i=0;i<im.length;i++){if(im[i].complete&&im[i].naturalWidth>0){n++;}}
      document.body.setAttribute('data-images-loaded',n+'/'+im.length);
      document.body.setAttribute('data-errors',String(dsimErrors));});</script>
      """;

  private final StringBuilder sb = new StringBuilder();

  Html(String title) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>").append(STYLE)
        .append("</style>\n").append(LOADED_CHECK).append("</head>\n<body>\n");
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  Html h1(String text) {
    return tag("h1", text);
  }

  Html h2(String text) {
    return tag("h2", text);
  }

  Html h3(String text) {
    return tag("h3", text);
  }

  Html p(String text) {
    return tag("p", text);
  }

  /** A banner a reader cannot miss: an interrupted report, say, that covers only part. */
  Html warning(String text) {
    sb.append("<p class=\"warning\" id=\"warning\">").append(esc(text)).append("</p>\n");
    return this;
  }

  Html muted(String text) {
    sb.append("<p class=\"muted\">").append(esc(text)).append("</p>\n");
    return this;
  }

  Html pre(String text) {
    return tag("pre", text);
  }

  /** Raw HTML the caller built (already escaped). */
  Html raw(String html) {
    sb.append(html);
    return this;
  }

  private Html tag(String tag, String text) {
    sb.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag)
        .append(">\n");
    return this;
  }

  /** A chart: the PNG shown, a link to its SVG, a caption. */
  Html figure(String png, String caption) {
    String svg = png.endsWith(".png") ? png.substring(0, png.length() - 4) + ".svg" : png;
    sb.append("<figure><a href=\"").append(esc(svg)).append("\"><img src=\"").append(esc(png))
        .append("\" alt=\"").append(esc(caption)).append("\"></a><figcaption>")
        .append(esc(caption)).append(" (<a href=\"").append(esc(svg)).append("\">SVG</a>)")
        .append("</figcaption></figure>\n");
    return this;
  }

  /** A table; the first column is left-aligned, cells are escaped unless wrapped by {@link #cell}. */
  Html table(String[] header, java.util.List<String[]> rows) {
    sb.append("<table>\n<tr>");
    for (int i = 0; i < header.length; i++) {
      sb.append(i == 0 ? "<th class=\"l\">" : "<th>").append(esc(header[i])).append("</th>");
    }
    sb.append("</tr>\n");
    for (String[] row : rows) {
      sb.append("<tr>");
      for (int i = 0; i < row.length; i++) {
        String v = row[i] == null ? "" : row[i];
        sb.append(i == 0 ? "<td class=\"l\">" : "<td>")
            .append(v.startsWith(RAW) ? v.substring(RAW.length()) : esc(v)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
    return this;
  }

  private static final String RAW = "\u0000raw:";

  /** A table cell holding HTML (a pass/fail mark, a link). */
  static String cell(String html) {
    return RAW + html;
  }

  static String okOrFailed(boolean ok) {
    return cell(ok ? "<span class=\"ok\">pass</span>" : "<span class=\"failed\">FAIL</span>");
  }

  static String link(String href, String text) {
    return cell("<a href=\"" + esc(href) + "\">" + esc(text) + "</a>");
  }

  String finish() {
    sb.append("<p class=\"muted\">Written by ").append(esc("dsim"))
        .append(": a deterministic simulator; every number here comes back exactly from the "
            + "same scenario, variant and seed.</p>\n</body>\n</html>\n");
    return sb.toString();
  }
}
