package cn.partyflow.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads CSV (UTF-8, with or without BOM) and XLSX files into rows keyed by column. Headers may be the English
 * column key or one of its Chinese aliases. A file that cannot be read at all is refused with a Chinese message.
 */
public final class SheetReader {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

  private SheetReader() {}

  /**
   * @param aliases header text (English key or Chinese name) to column key; unknown headers are refused
   */
  public static List<SheetRow> read(String filename, byte[] content, Map<String, String> aliases) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    if (content == null || content.length == 0) {
      throw ImportRefused.of("文件为空");
    }
    boolean xlsx = name.endsWith(".xlsx") || (content.length > 1 && content[0] == 'P' && content[1] == 'K');
    List<List<String>> raw = xlsx ? xlsx(content) : csv(content);
    if (raw.isEmpty()) {
      throw ImportRefused.of("文件没有表头");
    }
    List<String> keys = new ArrayList<>();
    List<ImportRefused.RowError> errors = new ArrayList<>();
    for (String header : raw.get(0)) {
      String h = header == null ? "" : header.trim();
      String key = aliases.get(h);
      if (key == null) {
        key = aliases.get(h.toLowerCase(Locale.ROOT));
      }
      if (key == null) {
        errors.add(new ImportRefused.RowError(1, "未知的列“" + h + "”，可用的列：" + String.join("、", aliases.keySet())));
      }
      keys.add(key);
    }
    if (!errors.isEmpty()) {
      throw new ImportRefused(errors);
    }
    List<SheetRow> rows = new ArrayList<>();
    for (int i = 1; i < raw.size(); i++) {
      List<String> cells = raw.get(i);
      Map<String, String> values = new LinkedHashMap<>();
      for (int c = 0; c < keys.size(); c++) {
        values.put(keys.get(c), c < cells.size() ? cells.get(c) : "");
      }
      if (cells.size() > keys.size() && cells.subList(keys.size(), cells.size()).stream().anyMatch(v -> !v.isBlank())) {
        errors.add(new ImportRefused.RowError(i + 1, "列数多于表头"));
      }
      SheetRow row = new SheetRow(i + 1, values);
      if (!row.isBlank()) {
        rows.add(row);
      }
    }
    if (!errors.isEmpty()) {
      throw new ImportRefused(errors);
    }
    return rows;
  }

  private static List<List<String>> csv(byte[] content) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw ImportRefused.of("CSV文件不是UTF-8编码，请另存为“CSV UTF-8”后再导入");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()
        .parse(new StringReader(text))) {
      for (CSVRecord r : parser) {
        List<String> cells = new ArrayList<>();
        r.forEach(cells::add);
        rows.add(cells);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw ImportRefused.of("CSV文件格式错误：" + e.getMessage());
    }
    return rows;
  }

  private static List<List<String>> xlsx(byte[] content) {
    try (InputStream in = new ByteArrayInputStream(content); Workbook wb = WorkbookFactory.create(in)) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter fmt = new DataFormatter(Locale.ROOT);
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(cell(row.getCell(c), fmt));
          }
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      throw ImportRefused.of("XLSX文件无法读取：" + e.getMessage());
    }
  }

  private static String cell(Cell cell, DataFormatter fmt) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return LocalDate.from(cell.getLocalDateTimeCellValue()).format(ISO);
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      return new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
    }
    return fmt.formatCellValue(cell).trim();
  }
}
