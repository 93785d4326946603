package cn.partyflow.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The annual data report as a Word document officers paste from: title, then per part its sentences and its tables.
 * Plain paragraphs and tables only, so it opens the same in Word and WPS.
 */
final class AnnualDocx {

  static final String FONT = "宋体";

  private AnnualDocx() {}

  static byte[] render(AnnualReport annual) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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
    XWPFTable table = doc.createTable(t.rows().size() + 1, t.headers().size());
    table.setWidth("100%");
    List<String> headers = t.headers();
    XWPFTableRow head = table.getRow(0);
    for (int i = 0; i < headers.size(); i++) {
      cell(head, i, headers.get(i), true);
    }
    for (int r = 0; r < t.rows().size(); r++) {
      ReportTable.Row row = t.rows().get(r);
      XWPFTableRow x = table.getRow(r + 1);
      cell(x, 0, row.label(), false);
      for (int i = 0; i < row.cells().size() && i + 1 < headers.size(); i++) {
        cell(x, i + 1, row.cells().get(i).text(), false);
      }
    }
  }

  private static void cell(XWPFTableRow row, int i, String text, boolean bold) {
    XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
    XWPFRun run = p.createRun();
    run.setText(text == null ? "" : text);
    run.setBold(bold);
    run.setFontSize(10);
    run.setFontFamily(FONT);
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
