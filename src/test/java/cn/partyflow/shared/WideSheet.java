package cn.partyflow.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX files written part by part, so that a test can build what Excel never would: the 514 KB workbook of
 * 100,000 rows with one cell in column XFD, or a sheet that unpacks to far more than it weighs.
 */
public final class WideSheet {

  private WideSheet() {}

  /**
   * A header row of the given names, then {@code rows} rows with one cell each in column XFD (the last of 16,384)
   * holding {@code farValue} (empty: the cell exists but holds nothing).
   */
  public static byte[] xlsx(String[] header, int rows, String farValue) {
    return workbook(sheet -> {
      sheet.write("<row r=\"1\">");
      for (int c = 0; c < header.length; c++) {
        sheet.write("<c r=\"" + (char) ('A' + c) + "1\" t=\"inlineStr\"><is><t>" + header[c] + "</t></is></c>");
      }
      sheet.write("</row>");
      for (int r = 2; r <= rows + 1; r++) {
        sheet.write("<row r=\"" + r + "\"><c r=\"XFD" + r + "\" t=\"inlineStr\"><is><t>" + farValue
            + "</t></is></c></row>");
      }
    });
  }

  /** A header row and data rows, one cell per value, as inline strings. */
  public static byte[] xlsx(String[]... rows) {
    return workbook(sheet -> {
      for (int r = 0; r < rows.length; r++) {
        sheet.write("<row r=\"" + (r + 1) + "\">");
        for (int c = 0; c < rows[r].length; c++) {
          sheet.write("<c r=\"" + (char) ('A' + c) + (r + 1) + "\" t=\"inlineStr\"><is><t>" + rows[r][c]
              + "</t></is></c>");
        }
        sheet.write("</row>");
      }
    });
  }

  /** Writes the rows of the only sheet. */
  public interface SheetData {
    void write(Writer sheet) throws IOException;
  }

  public static byte[] workbook(SheetData data) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
          + ".spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats"
          + "-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
          + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
          + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
          + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
          + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      Writer sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      data.write(sheet);
      sheet.write("</sheetData></worksheet>");
      sheet.flush();
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
