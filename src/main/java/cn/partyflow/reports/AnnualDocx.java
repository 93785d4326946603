package cn.partyflow.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.apache.xmlbeans.XmlException;

/**
 * The annual data report as a Word document officers paste from: title, then per part its sentences and its tables.
 * Plain paragraphs and tables only, so it opens the same in Word and WPS.
 */
final class AnnualDocx {

  static final String FONT = "宋体";
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private AnnualDocx() {}

  static byte[] render(AnnualReport annual) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      defaults(doc);
      paragraph(doc, annual.title(), 18, true, ParagraphAlignment.CENTER);
      paragraph(doc, annual.subtitle(), 12, false, ParagraphAlignment.CENTER);
      paragraph(doc, annual.source(), 9, false, ParagraphAlignment.CENTER);
      int n = 0;
      for (AnnualReport.Part part : annual.parts()) {
        paragraph(doc, AnnualReport.NUMERALS[n++] + "、" + part.title(), 14, true, ParagraphAlignment.LEFT);
        for (String sentence : part.sentences()) {
          XWPFParagraph p = paragraph(doc, sentence, 12, false, ParagraphAlignment.BOTH);
          p.setFirstLineIndent(480);
        }
        for (ReportTable table : part.tables()) {
          paragraph(doc, table.title(), 11, true, ParagraphAlignment.LEFT);
          table(doc, table);
          if (table.note() != null) {
            paragraph(doc, "注：" + table.note(), 9, false, ParagraphAlignment.LEFT);
          }
        }
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(XWPFDocument doc, ReportTable t) {
    StringBuilder xml = new StringBuilder(256 + 64 * (t.rows().size() + 1) * t.headers().size());
    xml.append("<xml-fragment xmlns:w=\"").append(W).append("\"><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>")
        .append("<w:tblBorders>");
    for (String side : new String[] {"top", "left", "bottom", "right", "insideH", "insideV"}) {
      xml.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>");
    }
    xml.append("</w:tblBorders></w:tblPr>");
    int columns = t.headers().size();
    xml.append("<w:tr>");
    for (String header : t.headers()) {
      cell(xml, header, true);
    }
    xml.append("</w:tr>");
    for (ReportTable.Row row : t.rows()) {
      xml.append("<w:tr>");
      cell(xml, row.label(), false);
      for (int i = 0; i + 1 < columns; i++) {
        cell(xml, i < row.cells().size() ? row.cells().get(i).text() : "", false);
      }
      xml.append("</w:tr>");
    }
    xml.append("</xml-fragment>");
    try {
      CTTbl parsed = CTTbl.Factory.parse(xml.toString());
      CTTbl added = doc.getDocument().getBody().addNewTbl();
      added.set(parsed);
      doc.insertTable(doc.getTables().size(), new XWPFTable(added, doc));
    } catch (XmlException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void cell(StringBuilder xml, String text, boolean bold) {
    xml.append("<w:tc><w:p><w:r>");
    if (bold) {
      xml.append("<w:rPr><w:b/></w:rPr>");
    }
    xml.append("<w:t xml:space=\"preserve\">");
    String s = text == null ? "" : text;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '&' -> xml.append("&amp;");
        case '"' -> xml.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            xml.append(c);
          }
        }
      }
    }
    xml.append("</w:t></w:r></w:p></w:tc>");
  }

  /** Every run is 宋体 10 pt unless it says otherwise, so the table cells need no run properties of their own. */
  private static void defaults(XWPFDocument doc) {
    CTStyles styles = CTStyles.Factory.newInstance();
    CTRPr run = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
    CTFonts fonts = run.addNewRFonts();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setEastAsia(FONT);
    fonts.setCs(FONT);
    run.addNewSz().setVal(BigInteger.valueOf(20));
    run.addNewSzCs().setVal(BigInteger.valueOf(20));
    doc.createStyles().setStyles(styles);
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String text, int size, boolean bold,
      ParagraphAlignment align) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setBold(bold);
    run.setFontSize(size);
    run.setFontFamily(FONT);
    return p;
  }
}
