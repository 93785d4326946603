package cn.partyflow.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Report tables as a spreadsheet: one sheet per table, the organization and period above, numbers as numbers. */
final class ReportXlsx {

  private ReportXlsx() {}

  static byte[] render(Report report, List<ReportTable> tables, String exportedBy, String exportedAt) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      org.apache.poi.ss.usermodel.Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      int n = 0;
      for (ReportTable table : tables) {
        Sheet sheet = book.createSheet(sheetName(++n, table.title()));
        sheet.createRow(0).createCell(0).setCellValue(report.orgName() + " " + table.title());
        sheet.createRow(1).createCell(0).setCellValue("统计期间：" + report.period().label() + "（" + report.period().from()
            + "至" + report.period().to() + "）    导出人：" + exportedBy + "    导出时间：" + exportedAt);
        Row header = sheet.createRow(3);
        for (int i = 0; i < table.headers().size(); i++) {
          Cell c = header.createCell(i);
          c.setCellValue(table.headers().get(i));
          c.setCellStyle(bold);
        }
        int r = 4;
        for (ReportTable.Row row : table.rows()) {
          Row x = sheet.createRow(r++);
          x.createCell(0).setCellValue(row.label());
          for (int i = 0; i < row.cells().size(); i++) {
            value(x.createCell(i + 1), row.cells().get(i).text());
          }
        }
        if (table.note() != null) {
          sheet.createRow(r + 1).createCell(0).setCellValue("说明：" + table.note());
        }
        for (int i = 0; i < table.headers().size(); i++) {
          sheet.setColumnWidth(i, i == 0 ? 30 * 256 : 14 * 256);
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A count or an amount is written as a number, so the sheet sums it; a rate or "—" stays text. */
  private static void value(Cell cell, String text) {
    if (text != null && text.matches("-?\\d+(\\.\\d+)?")) {
      cell.setCellValue(new BigDecimal(text).doubleValue());
    } else {
      cell.setCellValue(text == null ? "" : text);
    }
  }

  /** Sheet names are at most 31 characters and may not hold []:*?/\ . */
  private static String sheetName(int n, String title) {
    String name = n + " " + title.replaceAll("[\\[\\]:*?/\\\\（）()]", " ").trim();
    return name.length() > 31 ? name.substring(0, 31) : name;
  }
}
