package cn.partyflow.shared;

import java.util.List;
import java.util.function.IntUnaryOperator;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** The downloadable templates of the imports: a first row of column names that {@link SheetReader} accepts. */
public final class SheetTemplate {

  private SheetTemplate() {}

  /** Writes the column names in bold into the sheet's first row, each column as wide as {@code width} characters. */
  public static Row header(Workbook book, Sheet sheet, List<String> names, IntUnaryOperator width) {
    CellStyle bold = book.createCellStyle();
    Font font = book.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row header = sheet.createRow(0);
    for (int c = 0; c < names.size(); c++) {
      header.createCell(c).setCellValue(names.get(c));
      header.getCell(c).setCellStyle(bold);
      sheet.setColumnWidth(c, width.applyAsInt(c) * 256);
    }
    return header;
  }
}
