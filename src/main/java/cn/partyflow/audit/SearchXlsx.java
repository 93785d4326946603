package cn.partyflow.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The filtered search result as a spreadsheet, with the search itself and who exported it written above the rows. */
final class SearchXlsx {

  static final String[] HEADERS = {"流程实例", "业务编号", "流程", "当事人", "所属组织", "状态", "开始时间", "结束时间"};

  private SearchXlsx() {}

  static byte[] render(List<CaseSearch.CaseRow> rows, String criteria, String exportedBy, String exportedAt,
      boolean truncated) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("案卷查阅结果");
      CellStyle bold = book.createCellStyle();
      org.apache.poi.ss.usermodel.Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      sheet.createRow(0).createCell(0).setCellValue("查询条件：" + criteria);
      sheet.createRow(1).createCell(0).setCellValue("导出人：" + exportedBy + "    导出时间：" + exportedAt + "    共 "
          + rows.size() + " 件" + (truncated ? "（已达导出上限，请缩小查询范围）" : ""));
      Row header = sheet.createRow(3);
      for (int i = 0; i < HEADERS.length; i++) {
        Cell c = header.createCell(i);
        c.setCellValue(HEADERS[i]);
        c.setCellStyle(bold);
      }
      int r = 4;
      for (CaseSearch.CaseRow row : rows) {
        Row x = sheet.createRow(r++);
        String[] values = {row.id(), row.businessKey(), row.procedureName(), row.person(), row.orgName(),
            row.statusLabel(), Formats.dateTime(row.started()), Formats.dateTime(row.ended())};
        for (int i = 0; i < values.length; i++) {
          x.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
        }
      }
      for (int i = 0; i < HEADERS.length; i++) {
        sheet.setColumnWidth(i, i == 0 ? 40 * 256 : 20 * 256);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
