package cn.partyflow.audit;

import cn.partyflow.shared.CjkFont;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The case's diagram as the last page of the dossier, drawn as vectors from the same SVG the case page shows
 * ({@link DiagramSvg}: rectangles, circles, diamonds, flows with arrows, text), so it is legible at any zoom and its
 * text is the embedded Chinese font, searchable. The page is as large as the diagram at three quarters of its screen
 * size (PDF allows pages up to 200 inches), rather than squeezed onto A4.
 */
final class DiagramPdf {

  static final float SCALE = 0.75f;
  static final float MAX_PAGE = 14_000f;
  static final float MARGIN = 24f;
  static final float TITLE = 28f;

  private final PdfContentByte cb;
  private final BaseFont font;
  private final float scale;
  private final float x0;
  private final float y0;
  private final float top;

  private DiagramPdf(PdfContentByte cb, BaseFont font, float scale, float x0, float y0, float top) {
    this.cb = cb;
    this.font = font;
    this.scale = scale;
    this.x0 = x0;
    this.y0 = y0;
    this.top = top;
  }

  /** Adds a page holding the diagram; does nothing when the SVG is not a diagram (a process without DI). */
  static void addPage(Document doc, PdfWriter writer, String svg, String heading) throws DocumentException {
    Element root = parse(svg);
    if (root == null || !"svg".equals(root.getTagName()) || root.getAttribute("viewBox").isBlank()) {
      return;
    }
    String[] box = root.getAttribute("viewBox").trim().split("\\s+");
    float vx = Float.parseFloat(box[0]);
    float vy = Float.parseFloat(box[1]);
    float vw = Float.parseFloat(box[2]);
    float vh = Float.parseFloat(box[3]);
    float scale = Math.min(SCALE, Math.min((MAX_PAGE - 2 * MARGIN) / vw, (MAX_PAGE - 2 * MARGIN - TITLE) / vh));
    float width = Math.max(vw * scale + 2 * MARGIN, 420);
    float height = vh * scale + 2 * MARGIN + TITLE;
    doc.setPageSize(new Rectangle(width, height));
    doc.newPage();
    BaseFont font = CjkFont.get();
    PdfContentByte cb = writer.getDirectContent();
    cb.beginText();
    cb.setFontAndSize(font, 12);
    cb.showTextAligned(PdfContentByte.ALIGN_LEFT, heading, MARGIN, height - MARGIN - 12, 0);
    cb.endText();
    new DiagramPdf(cb, font, scale, vx, vy, height - MARGIN - TITLE).children(root);
  }

  private static Element parse(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement();
    } catch (Exception notADiagram) {
      return null;
    }
  }

  private float x(double x) {
    return (float) (MARGIN + (x - x0) * scale);
  }

  private float y(double y) {
    return (float) (top - (y - y0) * scale);
  }

  private void children(Element parent) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        draw((Element) nodes.item(i));
      }
    }
  }

  private void draw(Element e) {
    switch (e.getTagName()) {
      case "g" -> children(e);
      case "rect" -> {
        float w = num(e, "width") * scale;
        float h = num(e, "height") * scale;
        float r = num(e, "rx") * scale;
        shape(e, () -> cb.roundRectangle(x(num(e, "x")), y(num(e, "y")) - h, w, h, r));
      }
      case "circle" -> shape(e, () -> cb.circle(x(num(e, "cx")), y(num(e, "cy")), num(e, "r") * scale));
      case "polygon" -> shape(e, () -> path(points(e.getAttribute("points")), true));
      case "polyline" -> {
        List<float[]> points = points(e.getAttribute("points"));
        shape(e, () -> path(points, false));
        if (!e.getAttribute("marker-end").isEmpty() && points.size() > 1) {
          arrow(points.get(points.size() - 2), points.get(points.size() - 1), color(e.getAttribute("stroke")));
        }
      }
      case "path" -> shape(e, () -> path(pathPoints(e.getAttribute("d")), false));
      case "text" -> text(e);
      default -> { }
    }
  }

  /** Fills and strokes as the SVG element says; the colours are our own hex values. */
  private void shape(Element e, Runnable outline) {
    Color fill = color(e.getAttribute("fill"));
    Color stroke = color(e.getAttribute("stroke"));
    cb.saveState();
    cb.setLineWidth(Math.max(0.3f, (e.getAttribute("stroke-width").isEmpty() ? 1 : num(e, "stroke-width")) * scale));
    outline.run();
    if (fill != null && stroke != null) {
      cb.setColorFill(fill);
      cb.setColorStroke(stroke);
      cb.fillStroke();
    } else if (fill != null) {
      cb.setColorFill(fill);
      cb.fill();
    } else if (stroke != null) {
      cb.setColorStroke(stroke);
      cb.stroke();
    } else {
      cb.newPath();
    }
    cb.restoreState();
  }

  private void path(List<float[]> points, boolean close) {
    for (int i = 0; i < points.size(); i++) {
      float px = x(points.get(i)[0]);
      float py = y(points.get(i)[1]);
      if (i == 0) {
        cb.moveTo(px, py);
      } else {
        cb.lineTo(px, py);
      }
    }
    if (close) {
      cb.closePath();
    }
  }

  private void arrow(float[] from, float[] to, Color color) {
    double angle = Math.atan2(-(to[1] - from[1]), to[0] - from[0]);
    float tx = x(to[0]);
    float ty = y(to[1]);
    float len = 8 * scale;
    cb.saveState();
    cb.setColorFill(color == null ? Color.DARK_GRAY : color);
    cb.moveTo(tx, ty);
    cb.lineTo((float) (tx - len * Math.cos(angle - 0.4)), (float) (ty - len * Math.sin(angle - 0.4)));
    cb.lineTo((float) (tx - len * Math.cos(angle + 0.4)), (float) (ty - len * Math.sin(angle + 0.4)));
    cb.closePath();
    cb.fill();
    cb.restoreState();
  }

  private void text(Element e) {
    String content = e.getTextContent();
    if (content == null || content.isBlank()) {
      return;
    }
    int align = switch (e.getAttribute("text-anchor")) {
      case "middle" -> PdfContentByte.ALIGN_CENTER;
      case "end" -> PdfContentByte.ALIGN_RIGHT;
      default -> PdfContentByte.ALIGN_LEFT;
    };
    float rotation = e.getAttribute("transform").startsWith("rotate(-90") ? 90 : 0;
    Color fill = color(e.getAttribute("fill"));
    cb.beginText();
    cb.setFontAndSize(font, 12 * scale);
    cb.setColorFill(fill == null ? Color.BLACK : fill);
    cb.showTextAligned(align, content, x(num(e, "x")), y(num(e, "y")), rotation);
    cb.endText();
  }

  private static float num(Element e, String attribute) {
    String v = e.getAttribute(attribute);
    return v.isEmpty() ? 0 : Float.parseFloat(v);
  }

  private static List<float[]> points(String list) {
    List<float[]> out = new ArrayList<>();
    for (String pair : list.trim().split("\\s+")) {
      String[] xy = pair.split(",");
      if (xy.length == 2) {
        out.add(new float[] {Float.parseFloat(xy[0]), Float.parseFloat(xy[1])});
      }
    }
    return out;
  }

  /** Our paths are "M x,y L x,y L x,y" only. */
  private static List<float[]> pathPoints(String d) {
    return points(d.replaceAll("[ML]", " ").trim());
  }

  private static Color color(String value) {
    if (value == null || value.isEmpty() || "none".equals(value)) {
      return null;
    }
    if (value.startsWith("#") && value.length() == 7) {
      return new Color(Integer.parseInt(value.substring(1), 16));
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "black" -> Color.BLACK;
      case "white" -> Color.WHITE;
      default -> Color.DARK_GRAY;
    };
  }
}
