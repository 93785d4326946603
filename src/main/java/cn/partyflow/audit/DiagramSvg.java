package cn.partyflow.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws a process diagram from its BPMN DI as SVG on the server, with the path a case took: completed steps green,
 * current ones orange, flows between visited steps green. Server-side, because the case page must work offline and
 * in the PDF world without a JavaScript BPMN viewer; shapes are simple (rectangles, circles, diamonds) but placed
 * exactly as the modeler laid them out.
 */
final class DiagramSvg {

  private static final double MARGIN = 20;

  private DiagramSvg() {}

  static String render(BpmnModelInstance model, Set<String> done, Set<String> active,
      Map<String, String> names) {
    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
    Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
    if (shapes.isEmpty()) {
      return "<p class=\"muted\">该流程没有图形定义（BPMN DI），无法绘制流程图。</p>";
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (BpmnShape s : shapes) {
      Bounds b = s.getBounds();
      minX = Math.min(minX, b.getX());
      minY = Math.min(minY, b.getY());
      maxX = Math.max(maxX, b.getX() + b.getWidth());
      maxY = Math.max(maxY, b.getY() + b.getHeight() + 30);
    }
    for (BpmnEdge e : edges) {
      for (Waypoint w : e.getWaypoints()) {
        minX = Math.min(minX, w.getX());
        minY = Math.min(minY, w.getY());
        maxX = Math.max(maxX, w.getX());
        maxY = Math.max(maxY, w.getY());
      }
    }
    double x0 = minX - MARGIN;
    double y0 = minY - MARGIN;
    double width = maxX - minX + 2 * MARGIN;
    double height = maxY - minY + 2 * MARGIN;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pf-diagram\""
        + " viewBox=\"%.0f %.0f %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" font-family=\"%s\""
        + " font-size=\"12\" data-focus=\"%s\">", x0, y0, width, height, width, height, FONTS,
        esc(focus(shapes, done, active))));
    svg.append("<defs>")
        .append(marker("pf-arrow", "#555")).append(marker("pf-arrow-taken", "#2e7d32"))
        .append("</defs>");

    List<BpmnShape> containers = new ArrayList<>();
    List<BpmnShape> nodes = new ArrayList<>();
    for (BpmnShape s : shapes) {
      BaseElement e = s.getBpmnElement();
      if (e instanceof Participant || e instanceof Lane || e instanceof SubProcess) {
        containers.add(s);
      } else {
        nodes.add(s);
      }
    }
    for (BpmnShape s : containers) {
      container(svg, s, done, active, names);
    }
    for (BpmnEdge e : edges) {
      edge(svg, e, done, active, names);
    }
    for (BpmnShape s : nodes) {
      node(svg, s, done, active, names);
    }
    svg.append("</svg>");
    return svg.toString();
  }

  /** Noto Sans SC first: the PDF dossier draws the diagram with the font it embeds. */
  static final String FONTS = "Noto Sans SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif";

  /**
   * Where the case stands, for the page to open at: the first current step in the diagram, or for a finished case
   * the end event it reached; empty when neither is drawn.
   */
  static String focus(Collection<BpmnShape> shapes, Set<String> done, Set<String> active) {
    String end = "";
    for (BpmnShape s : shapes) {
      BaseElement e = s.getBpmnElement();
      if (e == null || e instanceof Participant || e instanceof Lane) {
        continue;
      }
      if (active.contains(e.getId()) && !(e instanceof SubProcess)) {
        return e.getId();
      }
      if (end.isEmpty() && e instanceof EndEvent && done.contains(e.getId())) {
        end = e.getId();
      }
    }
    return end;
  }

  private static String marker(String id, String color) {
    return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
        + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + color
        + "\"/></marker>";
  }

  private static String state(String id, Set<String> done, Set<String> active) {
    if (active.contains(id)) {
      return "pf-active";
    }
    return done.contains(id) ? "pf-done" : "pf-idle";
  }

  private static String stroke(String state) {
    return switch (state) {
      case "pf-active" -> "stroke=\"#ef6c00\" stroke-width=\"3\" fill=\"#fff3e0\"";
      case "pf-done" -> "stroke=\"#2e7d32\" stroke-width=\"2\" fill=\"#e8f5e9\"";
      default -> "stroke=\"#555\" stroke-width=\"1.5\" fill=\"#fff\"";
    };
  }

  private static void container(StringBuilder svg, BpmnShape s, Set<String> done, Set<String> active,
      Map<String, String> names) {
    Bounds b = s.getBounds();
    BaseElement e = s.getBpmnElement();
    String id = e == null ? "" : e.getId();
    String st = e instanceof SubProcess ? state(id, done, active) : "pf-idle";
    svg.append(String.format(Locale.ROOT, "<g data-element-id=\"%s\" class=\"%s\"><rect x=\"%.1f\" y=\"%.1f\""
            + " width=\"%.1f\" height=\"%.1f\" rx=\"%d\" %s fill-opacity=\"0.35\"/>", esc(id), st, b.getX(), b.getY(),
        b.getWidth(), b.getHeight(), e instanceof SubProcess ? 10 : 0, stroke(st)));
    String name = name(e, names);
    if (!name.isEmpty()) {
      if (e instanceof SubProcess) {
        svg.append(text(b.getX() + 8, b.getY() + 16, name, "start"));
      } else {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 %.1f %.1f)\">%s</text>", b.getX() + 15, b.getY() + b.getHeight() / 2,
            b.getX() + 15, b.getY() + b.getHeight() / 2, esc(name)));
      }
    }
    svg.append("</g>");
  }

  private static void edge(StringBuilder svg, BpmnEdge e, Set<String> done, Set<String> active,
      Map<String, String> names) {
    StringBuilder points = new StringBuilder();
    for (Waypoint w : e.getWaypoints()) {
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", w.getX(), w.getY()));
    }
    BaseElement element = e.getBpmnElement();
    boolean taken = false;
    String id = element == null ? "" : element.getId();
    if (element instanceof SequenceFlow f) {
      String source = f.getSource().getId();
      String target = f.getTarget().getId();
      taken = done.contains(source) && (done.contains(target) || active.contains(target));
    }
    svg.append(String.format(Locale.ROOT, "<g data-element-id=\"%s\" class=\"%s\"><polyline points=\"%s\""
            + " fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" marker-end=\"url(#%s)\"/>", esc(id),
        taken ? "pf-taken" : "pf-flow", points.toString().trim(), taken ? "#2e7d32" : "#555", taken ? "2.5" : "1.2",
        taken ? "pf-arrow-taken" : "pf-arrow"));
    String name = name(element, names);
    if (!name.isEmpty()) {
      BpmnLabel label = e.getBpmnLabel();
      double x;
      double y;
      if (label != null && label.getBounds() != null) {
        x = label.getBounds().getX() + label.getBounds().getWidth() / 2;
        y = label.getBounds().getY() + 12;
      } else {
        Waypoint first = e.getWaypoints().iterator().next();
        x = first.getX() + 20;
        y = first.getY() - 6;
      }
      svg.append(text(x, y, name, "middle"));
    }
    svg.append("</g>");
  }

  private static void node(StringBuilder svg, BpmnShape s, Set<String> done, Set<String> active,
      Map<String, String> names) {
    Bounds b = s.getBounds();
    BaseElement e = s.getBpmnElement();
    String id = e == null ? "" : e.getId();
    String st = state(id, done, active);
    double cx = b.getX() + b.getWidth() / 2;
    double cy = b.getY() + b.getHeight() / 2;
    svg.append(String.format("<g data-element-id=\"%s\" class=\"%s\">", esc(id), st));
    String name = name(e, names);
    if (e instanceof Event event) {
      double r = Math.min(b.getWidth(), b.getHeight()) / 2;
      boolean end = event instanceof EndEvent;
      // An end event's thick ring replaces the state's stroke width: a second attribute would not be XML.
      String ring = end ? stroke(st).replaceFirst("stroke-width=\"[^\"]*\"", "stroke-width=\"4\"") : stroke(st);
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s/>", cx, cy, r, ring));
      if (!event.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\""
            + " stroke=\"#555\"/><path d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f\" fill=\"none\" stroke=\"#555\"/>", cx, cy,
            r * 0.65, cx, cy - r * 0.5, cx, cy, cx + r * 0.35, cy));
      }
      outsideLabel(svg, s, name, cx, b.getY() + b.getHeight() + 14);
    } else if (e instanceof Gateway) {
      svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" %s/>", cx,
          b.getY(), b.getX() + b.getWidth(), cy, cx, b.getY() + b.getHeight(), b.getX(), cy, stroke(st)));
      outsideLabel(svg, s, name, cx, b.getY() + b.getHeight() + 14);
    } else {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\""
          + " %s/>", b.getX(), b.getY(), b.getWidth(), b.getHeight(), stroke(st)));
      List<String> lines = wrap(name, Math.max(4, (int) (b.getWidth() / 12.5)));
      double top = cy - (lines.size() - 1) * 7.5 + 4;
      for (int i = 0; i < lines.size() && i < 4; i++) {
        svg.append(text(cx, top + i * 15, lines.get(i), "middle"));
      }
    }
    svg.append("</g>");
  }

  private static void outsideLabel(StringBuilder svg, BpmnShape s, String name, double x, double y) {
    if (name.isEmpty()) {
      return;
    }
    BpmnLabel label = s.getBpmnLabel();
    if (label != null && label.getBounds() != null) {
      x = label.getBounds().getX() + label.getBounds().getWidth() / 2;
      y = label.getBounds().getY() + 12;
    }
    svg.append(text(x, y, name, "middle"));
  }

  private static String text(double x, double y, String s, String anchor) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#222\">%s</text>", x, y,
        anchor, esc(s));
  }

  /** CJK text has no spaces to break at: cut by characters, a Latin run counting half. */
  static List<String> wrap(String s, int perLine) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    double used = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      double w = c < 0x2E80 ? 0.55 : 1;
      if (used + w > perLine && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      line.append(c);
      used += w;
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * Names such as 与${applicantName}谈话 read as the case saw them where the step was reached, and with the
   * expression left out elsewhere.
   */
  private static String name(BaseElement e, Map<String, String> evaluated) {
    if (e == null) {
      return "";
    }
    String name = e.getAttributeValue("name");
    if (name != null && name.contains("${")) {
      name = evaluated.containsKey(e.getId()) ? evaluated.get(e.getId()) : name.replaceAll("\\$\\{[^}]*}", "…");
    }
    return name == null ? "" : name.replace('\n', ' ').trim();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
