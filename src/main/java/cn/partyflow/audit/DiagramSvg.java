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
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
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
    List<Plane> planes = planes(model);
    if (planes.isEmpty()) {
      return "<p class=\"muted\">该流程没有图形定义（BPMN DI），无法绘制流程图。</p>";
    }
    Plane first = planes.get(0);
    double x0 = first.minX - MARGIN;
    double y0 = first.minY - MARGIN;
    double bottom = first.maxY;
    double right = first.maxX;
    for (Plane p : planes.subList(1, planes.size())) {
      p.dx = first.minX - p.minX;
      p.dy = bottom + PLANE_GAP + PLANE_TITLE - p.minY;
      bottom = p.maxY + p.dy;
      right = Math.max(right, p.maxX + p.dx);
    }
    double width = right - x0 + MARGIN;
    double height = bottom - y0 + MARGIN;
    List<BpmnShape> shapes = new ArrayList<>();
    planes.forEach(p -> shapes.addAll(p.shapes));
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pf-diagram\""
        + " viewBox=\"%.0f %.0f %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" font-family=\"%s\""
        + " font-size=\"12\" data-focus=\"%s\">", x0, y0, width, height, width, height, FONTS,
        esc(focus(shapes, done, active))));
    svg.append("<defs>")
        .append(marker("pf-arrow", "#555")).append(marker("pf-arrow-taken", "#2e7d32"))
        .append("</defs>");
    for (Plane p : planes) {
      if (p.title != null) {
        double ty = p.minY + p.dy - PLANE_TITLE + 4;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
            + " stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>", x0, ty - PLANE_GAP / 2, x0 + width, ty - PLANE_GAP / 2));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\" fill=\"#222\""
            + " font-size=\"15\" font-weight=\"bold\">%s</text>", p.minX + p.dx, ty, esc(p.title)));
      }
      draw(svg, p, done, active, names);
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static final double PLANE_GAP = 40;
  private static final double PLANE_TITLE = 30;

  /**
   * One BPMN DI plane: the process's own, then one per collapsed sub-process (its content, drawn below the
   * overview under the sub-process's name, as a modeler shows it when one drills down).
   */
  private static final class Plane {
    final String title;
    final List<BpmnShape> shapes = new ArrayList<>();
    final List<BpmnEdge> edges = new ArrayList<>();
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    double dx;
    double dy;

    Plane(String title) {
      this.title = title;
    }

    void include(double x, double y) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }

  private static List<Plane> planes(BpmnModelInstance model) {
    List<Plane> planes = new ArrayList<>();
    for (BpmnDiagram diagram : model.getModelElementsByType(BpmnDiagram.class)) {
      BpmnPlane bpmnPlane = diagram.getBpmnPlane();
      if (bpmnPlane == null) {
        continue;
      }
      BaseElement owner = bpmnPlane.getBpmnElement();
      Plane plane = new Plane(owner instanceof SubProcess ? name(owner, Map.of()) : null);
      for (DiagramElement element : bpmnPlane.getDiagramElements()) {
        if (element instanceof BpmnShape s) {
          Bounds b = s.getBounds();
          plane.include(b.getX(), b.getY());
          plane.include(b.getX() + b.getWidth(), b.getY() + b.getHeight() + 30);
          BpmnLabel label = s.getBpmnLabel();
          if (label != null && label.getBounds() != null) {
            Bounds l = label.getBounds();
            plane.include(l.getX(), l.getY());
            plane.include(l.getX() + l.getWidth(), l.getY() + l.getHeight());
          }
          plane.shapes.add(s);
        } else if (element instanceof BpmnEdge e) {
          e.getWaypoints().forEach(w -> plane.include(w.getX(), w.getY()));
          plane.edges.add(e);
        }
      }
      if (!plane.shapes.isEmpty()) {
        planes.add(plane);
      }
    }
    return planes;
  }

  private static void draw(StringBuilder svg, Plane p, Set<String> done, Set<String> active,
      Map<String, String> names) {
    List<BpmnShape> containers = new ArrayList<>();
    List<BpmnShape> nodes = new ArrayList<>();
    for (BpmnShape s : p.shapes) {
      BaseElement e = s.getBpmnElement();
      if (e instanceof Participant || e instanceof Lane || (e instanceof SubProcess && s.isExpanded())) {
        containers.add(s);
      } else {
        nodes.add(s);
      }
    }
    for (BpmnShape s : containers) {
      container(svg, s, p, done, active, names);
    }
    for (BpmnEdge e : p.edges) {
      edge(svg, e, p, done, active, names);
    }
    for (BpmnShape s : nodes) {
      node(svg, s, p, done, active, names);
    }
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

  private static void container(StringBuilder svg, BpmnShape s, Plane p, Set<String> done, Set<String> active,
      Map<String, String> names) {
    Box b = new Box(s.getBounds(), p);
    BaseElement e = s.getBpmnElement();
    String id = e == null ? "" : e.getId();
    String st = e instanceof SubProcess ? state(id, done, active) : "pf-idle";
    svg.append(String.format(Locale.ROOT, "<g data-element-id=\"%s\" class=\"%s\"><rect x=\"%.1f\" y=\"%.1f\""
            + " width=\"%.1f\" height=\"%.1f\" rx=\"%d\" %s fill-opacity=\"0.35\"/>", esc(id), st, b.x(), b.y(),
        b.width(), b.height(), e instanceof SubProcess ? 10 : 0, stroke(st)));
    String name = name(e, names);
    if (!name.isEmpty()) {
      if (e instanceof SubProcess) {
        svg.append(text(b.x() + 8, b.y() + 16, name, "start"));
      } else {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 %.1f %.1f)\">%s</text>", b.x() + 15, b.y() + b.height() / 2,
            b.x() + 15, b.y() + b.height() / 2, esc(name)));
      }
    }
    svg.append("</g>");
  }

  private static void edge(StringBuilder svg, BpmnEdge e, Plane p, Set<String> done, Set<String> active,
      Map<String, String> names) {
    StringBuilder points = new StringBuilder();
    for (Waypoint w : e.getWaypoints()) {
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", w.getX() + p.dx, w.getY() + p.dy));
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
        x = label.getBounds().getX() + label.getBounds().getWidth() / 2 + p.dx;
        y = label.getBounds().getY() + 12 + p.dy;
      } else {
        Waypoint first = e.getWaypoints().iterator().next();
        x = first.getX() + 20 + p.dx;
        y = first.getY() - 6 + p.dy;
      }
      svg.append(text(x, y, name, "middle"));
    }
    svg.append("</g>");
  }

  private static void node(StringBuilder svg, BpmnShape s, Plane p, Set<String> done, Set<String> active,
      Map<String, String> names) {
    Box b = new Box(s.getBounds(), p);
    BaseElement e = s.getBpmnElement();
    String id = e == null ? "" : e.getId();
    String st = state(id, done, active);
    double cx = b.x() + b.width() / 2;
    double cy = b.y() + b.height() / 2;
    svg.append(String.format("<g data-element-id=\"%s\" class=\"%s\">", esc(id), st));
    String name = name(e, names);
    if (e instanceof Event event) {
      double r = Math.min(b.width(), b.height()) / 2;
      boolean end = event instanceof EndEvent;
      // An end event's thick ring replaces the state's stroke width: a second attribute would not be XML.
      String ring = end ? stroke(st).replaceFirst("stroke-width=\"[^\"]*\"", "stroke-width=\"4\"") : stroke(st);
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s/>", cx, cy, r, ring));
      if (!event.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\""
            + " stroke=\"#555\"/><path d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f\" fill=\"none\" stroke=\"#555\"/>", cx, cy,
            r * 0.65, cx, cy - r * 0.5, cx, cy, cx + r * 0.35, cy));
      }
      outsideLabel(svg, s, p, name, cx, b.y() + b.height() + 14);
    } else if (e instanceof Gateway) {
      svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" %s/>", cx,
          b.y(), b.x() + b.width(), cy, cx, b.y() + b.height(), b.x(), cy, stroke(st)));
      outsideLabel(svg, s, p, name, cx, b.y() + b.height() + 14);
    } else {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\""
          + " %s/>", b.x(), b.y(), b.width(), b.height(), stroke(st)));
      List<String> lines = wrap(name, Math.max(4, (int) (b.width() / 12.5)));
      double top = cy - (lines.size() - 1) * 7.5 + 4;
      for (int i = 0; i < lines.size() && i < 4; i++) {
        svg.append(text(cx, top + i * 15, lines.get(i), "middle"));
      }
      if (e instanceof SubProcess) {
        double my = b.y() + b.height() - 16;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"none\""
            + " stroke=\"#555\"/><path d=\"M%.1f,%.1f L%.1f,%.1f M%.1f,%.1f L%.1f,%.1f\" stroke=\"#555\"/>", cx - 6, my,
            cx - 3, my + 6, cx + 3, my + 6, cx, my + 3, cx, my + 9));
      }
    }
    svg.append("</g>");
  }

  private static void outsideLabel(StringBuilder svg, BpmnShape s, Plane p, String name, double x, double y) {
    if (name.isEmpty()) {
      return;
    }
    BpmnLabel label = s.getBpmnLabel();
    if (label != null && label.getBounds() != null) {
      x = label.getBounds().getX() + label.getBounds().getWidth() / 2 + p.dx;
      y = label.getBounds().getY() + 12 + p.dy;
    }
    svg.append(text(x, y, name, "middle"));
  }

  /** A shape's bounds moved by its plane's offset. */
  private record Box(double x, double y, double width, double height) {
    Box(Bounds b, Plane p) {
      this(b.getX() + p.dx, b.getY() + p.dy, b.getWidth(), b.getHeight());
    }
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
