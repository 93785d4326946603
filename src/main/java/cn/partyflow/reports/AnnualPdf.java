package cn.partyflow.reports;

import cn.partyflow.shared.CjkFont;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;

/** The annual data report as a PDF with the same content as the DOCX, Chinese font embedded. */
final class AnnualPdf {

  private static final Color GREY = new Color(0xEE, 0xEE, 0xEE);

  private final Font title;
  private final Font heading;
  private final Font normal;
  private final Font small;
  private final Font strong;

  private AnnualPdf() {
    BaseFont base = CjkFont.get();
    title = new Font(base, 18, Font.BOLD);
    heading = new Font(base, 13, Font.BOLD);
    normal = new Font(base, 11);
    small = new Font(base, 8, Font.NORMAL, Color.DARK_GRAY);
    strong = new Font(base, 10, Font.BOLD);
  }

  static byte[] render(AnnualReport annual) {
    return new AnnualPdf().write(annual);
  }

  private byte[] write(AnnualReport annual) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle(annual.title());
      doc.addCreator("partyflow");
      doc.open();
      centered(doc, annual.title(), title);
      centered(doc, annual.subtitle(), normal);
      centered(doc, annual.source(), small);
      int n = 0;
      for (AnnualReport.Part part : annual.parts()) {
        Paragraph h = new Paragraph(AnnualReport.NUMERALS[n++] + "、" + part.title(), heading);
        h.setSpacingBefore(12);
        h.setSpacingAfter(4);
        doc.add(h);
        for (String sentence : part.sentences()) {
          Paragraph p = new Paragraph(sentence, normal);
          p.setFirstLineIndent(22);
          p.setLeading(18);
          doc.add(p);
        }
        for (ReportTable t : part.tables()) {
          Paragraph caption = new Paragraph(t.title(), strong);
          caption.setSpacingBefore(8);
          caption.setSpacingAfter(4);
          doc.add(caption);
          doc.add(table(t));
          if (t.note() != null) {
            doc.add(new Paragraph("注：" + t.note(), small));
          }
        }
      }
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("年度报告PDF生成失败：" + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private PdfPTable table(ReportTable t) {
    int columns = t.headers().size();
    float[] widths = new float[columns];
    for (int i = 0; i < columns; i++) {
      widths[i] = i == 0 ? 3 : 1.4f;
    }
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String h : t.headers()) {
      PdfPCell c = new PdfPCell(new Phrase(h, small));
      c.setBackgroundColor(GREY);
      table.addCell(c);
    }
    for (ReportTable.Row row : t.rows()) {
      table.addCell(new PdfPCell(new Phrase(row.label(), small)));
      for (int i = 0; i < columns - 1; i++) {
        String text = i < row.cells().size() ? row.cells().get(i).text() : "";
        PdfPCell c = new PdfPCell(new Phrase(text, small));
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(c);
      }
    }
    return table;
  }

  private static void centered(Document doc, String text, Font font) throws DocumentException {
    Paragraph p = new Paragraph(text, font);
    p.setAlignment(Element.ALIGN_CENTER);
    doc.add(p);
  }
}
