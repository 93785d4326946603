package cn.partyflow.shared.web;

import java.util.List;

/**
 * Charts as inline SVG written on the server, so our pages need no script (their CSP allows none inline) and no
 * library. The viewBox is 360 wide, about a phone's width, and the picture scales to its box; every bar carries its
 * number as text and as {@code data-value}, and the chart has a {@code <title>} and a {@code <desc>} that also
 * lists the numbers for screen readers.
 */
public final class SvgChart {

  /** One bar: its label, the number drawn, the text shown at its end ("12", "85%") and its fill colour. */
  public record Bar(String label, long value, String text, String color) {}

  /** Bars under a heading; a chart of a single group passes a null heading. */
  public record Group(String heading, List<Bar> bars) {}

  /** A stacked series: its name in the legend and its colour. */
  public record Series(String label, String color) {}

  /** One stacked bar: its label and one number per series, in the order of the series. */
  public record Stack(String label, List<Long> values) {}

  static final int WIDTH = 360;
  static final int LABEL = 96;
  static final int BAR_END = 316;
  static final int ROW = 22;
  static final int HEADING = 20;
  static final int LABEL_CHARS = 7;
  static final int LINE_CHARS = 28;

  private SvgChart() {}

  /**
   * Horizontal bars in groups, each bar as long as its value of {@code max} on a grey track of the full scale, or of
   * the largest value (no track) when {@code max} is 0.
   */
  public static String bars(String id, String title, String desc, List<Group> groups, long max) {
    long top = max > 0 ? max : groups.stream().flatMap(g -> g.bars().stream()).mapToLong(Bar::value).max().orElse(0);
    Layout at = Layout.of(groups.stream().flatMap(g -> g.bars().stream()).map(Bar::label).toList());
    StringBuilder body = new StringBuilder();
    StringBuilder numbers = new StringBuilder();
    int y = 4;
    for (Group g : groups) {
      if (g.heading() != null) {
        body.append("<text class=\"heading\" x=\"0\" y=\"").append(y + 14).append("\" font-weight=\"bold\">")
            .append(esc(g.heading())).append("</text>");
        y += HEADING;
        numbers.append(g.heading()).append("：");
      }
      body.append("<g data-group=\"").append(esc(g.heading() == null ? "" : g.heading())).append("\">");
      for (Bar b : g.bars()) {
        int w = width(b.value(), top, BAR_END - at.left());
        body.append("<g class=\"bar\" data-label=\"").append(esc(b.label())).append("\" data-value=\"")
            .append(b.value()).append("\">")
            .append(label(b.label(), y));
        y += at.above();
        if (max > 0) {
          // On a fixed scale (a rate of 100%) the grey track shows how far the bar is from full.
          body.append("<rect x=\"").append(at.left()).append("\" y=\"").append(y + 3).append("\" width=\"")
              .append(BAR_END - at.left()).append("\" height=\"").append(ROW - 6).append("\" fill=\"#eee\"/>");
        }
        body.append("<rect x=\"").append(at.left()).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
            .append("\" height=\"").append(ROW - 6).append("\" fill=\"").append(b.color()).append("\"/>")
            .append("<text class=\"value\" x=\"").append(at.left() + w + 4).append("\" y=\"").append(y + 15)
            .append("\">").append(esc(b.text())).append("</text></g>");
        y += ROW;
        numbers.append(b.label()).append(' ').append(b.text()).append("；");
      }
      body.append("</g>");
    }
    return svg(id, title, desc + " " + numbers, y + 4, body);
  }

  /**
   * Stacked horizontal bars, one per {@link Stack}, each as long as its total of the largest total, with a legend;
   * a segment shows its number when it is wide enough, and the bar's total follows it.
   */
  public static String stacked(String id, String title, String desc, List<Series> series, List<Stack> stacks) {
    long top = stacks.stream().mapToLong(SvgChart::total).max().orElse(0);
    StringBuilder body = new StringBuilder();
    StringBuilder numbers = new StringBuilder();
    int x = 0;
    for (Series s : series) {
      body.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"").append(s.color())
          .append("\"/><text x=\"").append(x + 13).append("\" y=\"15\" font-size=\"11\">").append(esc(s.label()))
          .append("</text>");
      x += 13 + s.label().length() * 11 + 12;
    }
    Layout layout = Layout.of(stacks.stream().map(Stack::label).toList());
    int y = 24;
    for (Stack st : stacks) {
      long total = total(st);
      body.append("<g class=\"stack\" data-label=\"").append(esc(st.label())).append("\" data-total=\"")
          .append(total).append("\">").append(label(st.label(), y));
      y += layout.above();
      numbers.append(st.label()).append('：');
      int at = layout.left();
      long sum = 0;
      for (int i = 0; i < series.size(); i++) {
        long v = i < st.values().size() ? st.values().get(i) : 0;
        // Segments end where the running sum ends, so rounding never makes a bar longer than its total.
        int end = layout.left() + width(sum + v, top, BAR_END - layout.left());
        sum += v;
        int w = end - at;
        body.append("<g class=\"segment\" data-series=\"").append(esc(series.get(i).label()))
            .append("\" data-value=\"").append(v).append("\"><rect x=\"").append(at).append("\" y=\"").append(y + 3)
            .append("\" width=\"").append(w).append("\" height=\"").append(ROW - 6).append("\" fill=\"")
            .append(series.get(i).color()).append("\"/>");
        if (v > 0 && w >= String.valueOf(v).length() * 7 + 4) {
          body.append("<text x=\"").append(at + w / 2).append("\" y=\"").append(y + 15)
              .append("\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"11\">").append(v).append("</text>");
        }
        body.append("</g>");
        at = end;
        numbers.append(series.get(i).label()).append(' ').append(v).append('，');
      }
      body.append("<text class=\"value\" x=\"").append(at + 4).append("\" y=\"").append(y + 15).append("\">")
          .append(total).append("</text></g>");
      numbers.append("共 ").append(total).append("；");
      y += ROW;
    }
    return svg(id, title, desc + " " + numbers, y + 4, body);
  }

  static final int PLOT = 120;
  static final int COLUMN_MAX = 18;

  /**
   * Vertical columns per category (a week, a month), one beside the other for each series, each as tall as its value
   * of {@code max} (a fixed scale with a grid line at the top, such as 100%) or of the largest value when {@code max}
   * is 0. A null value is a missing one: no column, and {@code data-missing} instead of a number. The number stands
   * above its column when the column is wide enough to carry it, and always in the {@code <desc>}.
   */
  public static String columns(String id, String title, String desc, List<Series> series, List<Stack> categories,
      long max, String unit) {
    long top = max > 0 ? max : categories.stream().flatMap(c -> c.values().stream())
        .filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
    StringBuilder body = new StringBuilder();
    StringBuilder numbers = new StringBuilder();
    int y = legend(series, body);
    int base = y + 14 + PLOT;
    int n = Math.max(1, categories.size());
    double slot = (double) WIDTH / n;
    int column = (int) Math.max(2, Math.min(COLUMN_MAX, (slot - 6) / Math.max(1, series.size())));
    body.append("<line x1=\"0\" y1=\"").append(base).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
        .append(base).append("\" stroke=\"#999\"/>");
    if (max > 0) {
      body.append("<line x1=\"0\" y1=\"").append(base - PLOT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
          .append(base - PLOT).append("\" stroke=\"#ddd\" stroke-dasharray=\"3 3\"/>");
    }
    for (int c = 0; c < categories.size(); c++) {
      Stack cat = categories.get(c);
      int left = (int) Math.round(c * slot + (slot - column * series.size()) / 2);
      body.append("<g class=\"category\" data-label=\"").append(esc(cat.label())).append("\">");
      numbers.append(cat.label()).append('：');
      for (int i = 0; i < series.size(); i++) {
        Long v = i < cat.values().size() ? cat.values().get(i) : null;
        int x = left + i * column;
        body.append("<g class=\"column\" data-series=\"").append(esc(series.get(i).label())).append('"');
        if (v == null) {
          body.append(" data-missing=\"true\"></g>");
          numbers.append(series.get(i).label()).append(" 无，");
          continue;
        }
        int h = width(v, top, PLOT);
        body.append(" data-value=\"").append(v).append("\"><rect x=\"").append(x).append("\" y=\"").append(base - h)
            .append("\" width=\"").append(Math.max(1, column - 2)).append("\" height=\"").append(h)
            .append("\" fill=\"").append(series.get(i).color()).append("\"/>");
        String text = v + unit;
        if (column >= text.length() * 5 + 2) {
          body.append("<text x=\"").append(x + (column - 2) / 2.0).append("\" y=\"").append(base - h - 2)
              .append("\" text-anchor=\"middle\" font-size=\"9\">").append(text).append("</text>");
        }
        body.append("</g>");
        numbers.append(series.get(i).label()).append(' ').append(text).append('，');
      }
      body.append("<text class=\"label\" x=\"").append(Math.round(c * slot + slot / 2)).append("\" y=\"")
          .append(base + 13).append("\" text-anchor=\"middle\" font-size=\"10\">").append(esc(cat.label()))
          .append("</text></g>");
      numbers.setLength(numbers.length() - 1);
      numbers.append('；');
    }
    return svg(id, title, desc + " " + numbers, base + 18, body);
  }

  /** The series' colours and names on as many lines as they need; answers where the chart below may start. */
  private static int legend(List<Series> series, StringBuilder body) {
    int x = 0;
    int y = 6;
    for (Series s : series) {
      int w = 13 + s.label().length() * 11 + 12;
      if (x > 0 && x + w > WIDTH) {
        x = 0;
        y += 16;
      }
      body.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"")
          .append(s.color()).append("\"/><text x=\"").append(x + 13).append("\" y=\"").append(y + 9)
          .append("\" font-size=\"11\">").append(esc(s.label())).append("</text>");
      x += w;
    }
    return y + 16;
  }

  /**
   * Where bars start: after a label column when every label fits it, otherwise below each label on the whole width,
   * so long names (县人民医院内科党支部) stay whole on a phone.
   */
  private record Layout(int left, int above) {
    static Layout of(List<String> labels) {
      return labels.stream().allMatch(l -> l.length() <= LABEL_CHARS) ? new Layout(LABEL, 0) : new Layout(0, 16);
    }
  }

  private static long total(Stack s) {
    return s.values().stream().mapToLong(Long::longValue).sum();
  }

  private static int width(long value, long max, int span) {
    if (max <= 0 || value <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.round((double) Math.min(value, max) * span / max));
  }

  /** The row's label, cut only when longer than the chart is wide; the bar's data-label keeps it whole. */
  private static String label(String label, int y) {
    String shown = label.length() > LINE_CHARS ? label.substring(0, LINE_CHARS - 1) + "…" : label;
    return "<text class=\"label\" x=\"0\" y=\"" + (y + 15) + "\">" + esc(shown) + "</text>";
  }

  private static String svg(String id, String title, String desc, int height, StringBuilder body) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pf-chart\" id=\"" + esc(id) + "\" role=\"img\""
        + " aria-labelledby=\"" + esc(id) + "-title " + esc(id) + "-desc\" viewBox=\"0 0 " + WIDTH + " " + height
        + "\" width=\"100%\" font-size=\"12\" fill=\"#222\""
        + " font-family=\"Noto Sans CJK SC, Microsoft YaHei, sans-serif\">"
        + "<title id=\"" + esc(id) + "-title\">" + esc(title) + "</title>"
        + "<desc id=\"" + esc(id) + "-desc\">" + esc(desc.strip()) + "</desc>" + body + "</svg>";
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
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
}
