package cn.partyflow.shared;

import cn.partyflow.shared.ImportRefused.RowError;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads CSV (UTF-8, with or without BOM) and XLSX files into rows keyed by column, within {@link ImportLimits}.
 * Headers may be the English column key or one of its Chinese aliases. A file that cannot be read, or goes past a
 * limit, is refused with a Chinese message.
 *
 * <p>XLSX is read as a stream of SAX events from the first sheet, never as a whole workbook, and only the cells of
 * the columns named in the header are kept: a cell in column XFD costs one comparison, not sixteen thousand
 * empty cells. Every byte unpacked from the zip is counted against the decompressed limit as it is read.
 */
@Component
public class SheetReader {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
  /** Past this many bad rows the rest of the file is not read: the officer has enough to correct. */
  private static final int MAX_ERRORS = 100;
  /** A workbook has a few dozen parts; thousands only serve to inflate the zip's directory in memory. */
  private static final int MAX_ZIP_ENTRIES = 1000;
  /** Excel's widest sheet (column XFD). A CSV record is parsed whole, so its width is checked before parsing. */
  private static final int MAX_CSV_FIELDS = 16_384;

  private final ImportLimits limits;

  public SheetReader(ImportLimits limits) {
    this.limits = limits;
  }

  /**
   * The header names a sheet accepts, from pairs of column key and Chinese name: each key is accepted as itself and
   * under its name. A key given again with another name gains that name.
   */
  public static Map<String, String> columns(String... keyAndName) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < keyAndName.length; i += 2) {
      columns.put(keyAndName[i], keyAndName[i]);
      columns.put(keyAndName[i + 1], keyAndName[i]);
    }
    return columns;
  }

  /**
   * @param aliases header text (English key or Chinese name) to column key; unknown headers are refused
   */
  public List<SheetRow> read(String filename, byte[] content, Map<String, String> aliases) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    if (content == null || content.length == 0) {
      throw ImportRefused.of("文件为空");
    }
    if (content.length > limits.maxFileBytes()) {
      throw ImportRefused.of("文件大小" + size(content.length) + "，超过导入文件" + size(limits.maxFileBytes())
          + "的上限，请拆分后分批导入");
    }
    boolean xlsx = name.endsWith(".xlsx") || (content.length > 1 && content[0] == 'P' && content[1] == 'K');
    Table table = new Table(aliases);
    if (xlsx) {
      xlsx(content, table);
    } else {
      csv(content, table);
    }
    return table.finish();
  }

  private void csv(byte[] content, Table table) {
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
    checkCsvWidth(text);
    CSVParser parser = null;
    try {
      parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text));
      int line = 0;
      for (CSVRecord r : parser) {
        table.startRow(++line);
        for (int c = 0; c < r.size(); c++) {
          table.cell(c, r.get(c));
        }
        table.endRow();
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      long near = parser == null ? 1 : parser.getCurrentLineNumber() + 1;
      throw ImportRefused.of("CSV文件格式错误（第" + near + "行附近）：请检查引号是否成对、引号后是否紧跟逗号或换行");
    }
  }

  /**
   * Counts the fields of every record the way the parser will split them (a quote opens a quoted field only at
   * its start; two quotes inside one are a quote), so a line of a million commas is refused before it is parsed.
   */
  private static void checkCsvWidth(String text) {
    int record = 1;
    int fields = 1;
    boolean quoted = false;
    boolean fieldStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++;
          } else {
            quoted = false;
          }
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == ',') {
        if (++fields > MAX_CSV_FIELDS) {
          throw ImportRefused.of("第" + record + "行超过" + MAX_CSV_FIELDS + "列，不是可以导入的表格");
        }
        fieldStart = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record++;
        fields = 1;
        fieldStart = true;
      } else {
        fieldStart = false;
      }
    }
  }

  private void xlsx(byte[] content, Table table) {
    CountingZip zip = null;
    OPCPackage pkg = null;
    try {
      zip = new CountingZip(content, limits.maxDecompressedBytes());
      pkg = OPCPackage.open(zip);
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw ImportRefused.of("XLSX文件中没有工作表");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
            new SheetEvents(table), new PlainValues(), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (ImportRefused e) {
      throw e;
    } catch (Exception e) {
      ImportRefused inside = refusalIn(e);
      if (inside != null) {
        throw inside;
      }
      if (zip != null && zip.exceeded) {
        throw ImportRefused.of("XLSX文件解压后超过" + size(limits.maxDecompressedBytes())
            + "的上限（文件内容异常膨胀，可能是压缩炸弹），未导入");
      }
      throw ImportRefused.of("XLSX文件无法读取，请用Excel打开后另存为“Excel工作簿(.xlsx)”再导入");
    } finally {
      if (pkg != null) {
        pkg.revert();
      } else if (zip != null) {
        zip.closeQuietly();
      }
    }
  }

  /** A limit hit inside the SAX parser may come back wrapped. */
  private static ImportRefused refusalIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ImportRefused r) {
        return r;
      }
    }
    return null;
  }

  static String size(long bytes) {
    return bytes >= 1024 * 1024 ? String.format("%.1fMB", bytes / 1048576.0) : String.format("%dKB", (bytes + 1023) / 1024);
  }

  /** Rows as they stream in: the header names the columns kept, every later row is checked against the limits. */
  private final class Table {

    private final Map<String, String> aliases;
    private final Map<Integer, String> keyByColumn = new HashMap<>();
    private final Map<String, String> headerByKey = new LinkedHashMap<>();
    private final TreeMap<Integer, String> headerCells = new TreeMap<>();
    private final List<RowError> errors = new ArrayList<>();
    private final List<SheetRow> rows = new ArrayList<>();
    private boolean headed;
    private int dataRows;
    private long keptChars;

    private int line;
    private Map<String, String> values;
    private boolean blank;
    private int outsideColumn;
    private List<String> tooLong;

    Table(Map<String, String> aliases) {
      this.aliases = aliases;
    }

    void startRow(int line) {
      if (!headed && line > 1) {
        throw ImportRefused.of("文件没有表头：第1行应为列名");
      }
      this.line = line;
      blank = true;
      outsideColumn = -1;
      tooLong = null;
      if (headed) {
        values = new LinkedHashMap<>();
        headerByKey.keySet().forEach(k -> values.put(k, ""));
      }
    }

    void cell(int column, String raw) {
      String value = raw == null ? "" : raw.trim();
      if (value.isEmpty()) {
        return;
      }
      if (!headed) {
        if (headerCells.size() >= limits.maxColumns()) {
          throw ImportRefused.of("表头超过" + limits.maxColumns() + "列的上限，请只保留要导入的列");
        }
        headerCells.put(column, value);
        return;
      }
      blank = false;
      String key = keyByColumn.get(column);
      if (key == null) {
        if (outsideColumn < 0) {
          outsideColumn = column;
        }
        return;
      }
      if (value.length() > limits.maxCellLength()) {
        if (tooLong == null) {
          tooLong = new ArrayList<>();
        }
        tooLong.add("“" + headerByKey.get(key) + "”有" + value.length() + "字，超过" + limits.maxCellLength() + "字的上限");
        return;
      }
      keptChars += value.length();
      if (keptChars > limits.maxDecompressedBytes()) {
        throw ImportRefused.of("文件内容超过" + size(limits.maxDecompressedBytes()) + "的上限，请拆分后分批导入");
      }
      values.put(key, value);
    }

    void endRow() {
      if (!headed) {
        header();
        return;
      }
      if (blank) {
        return;
      }
      if (++dataRows > limits.maxRows()) {
        throw ImportRefused.of("文件超过" + limits.maxRows() + "行数据的上限，请拆分后分批导入");
      }
      if (outsideColumn >= 0) {
        error(line, "列数多于表头：第" + (outsideColumn + 1) + "列有内容，但表头中没有这一列");
      }
      if (tooLong != null) {
        error(line, String.join("；", tooLong));
      }
      SheetRow row = new SheetRow(line, values);
      if (!row.isBlank()) {
        rows.add(row);
      }
    }

    private void header() {
      headed = true;
      List<RowError> problems = new ArrayList<>();
      headerCells.forEach((column, text) -> {
        String key = aliases.get(text);
        if (key == null) {
          key = aliases.get(text.toLowerCase(Locale.ROOT));
        }
        if (key == null) {
          problems.add(new RowError(1, "未知的列“" + text + "”，可用的列：" + String.join("、", aliases.keySet())));
        } else if (headerByKey.containsKey(key)) {
          problems.add(new RowError(1, "列“" + text + "”与“" + headerByKey.get(key) + "”重复"));
        } else {
          keyByColumn.put(column, key);
          headerByKey.put(key, text);
        }
      });
      if (headerByKey.isEmpty() && problems.isEmpty()) {
        throw ImportRefused.of("文件没有表头：第1行应为列名");
      }
      if (!problems.isEmpty()) {
        throw new ImportRefused(problems);
      }
    }

    private void error(int line, String message) {
      errors.add(new RowError(line, message));
      if (errors.size() >= MAX_ERRORS) {
        List<RowError> shown = new ArrayList<>(errors);
        shown.add(new RowError(0, "错误过多，其余各行未检查"));
        throw new ImportRefused(shown);
      }
    }

    List<SheetRow> finish() {
      if (!headed) {
        throw ImportRefused.of("文件没有表头：第1行应为列名");
      }
      if (!errors.isEmpty()) {
        throw new ImportRefused(errors);
      }
      return rows;
    }
  }

  /** Feeds the cells of the first sheet to the table; a cell without a reference follows the one before it. */
  private static final class SheetEvents implements SheetContentsHandler {

    private final Table table;
    private int lastColumn;

    SheetEvents(Table table) {
      this.table = table;
    }

    @Override
    public void startRow(int rowNum) {
      lastColumn = -1;
      table.startRow(rowNum + 1);
    }

    @Override
    public void endRow(int rowNum) {
      table.endRow();
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
      lastColumn = ref == null ? lastColumn + 1 : column(ref);
      table.cell(lastColumn, value);
    }

    private static int column(String ref) {
      int column = 0;
      for (int i = 0; i < ref.length(); i++) {
        char c = ref.charAt(i);
        if (c < 'A' || c > 'Z') {
          break;
        }
        column = column * 26 + (c - 'A' + 1);
      }
      return column - 1;
    }
  }

  /** Dates as yyyy-MM-dd and numbers as plain decimals, whatever display format the sheet gives them. */
  private static final class PlainValues extends DataFormatter {

    PlainValues() {
      super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().format(ISO);
      }
      return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
  }

  /**
   * The upload's zip parts, read from memory and inflated only as POI streams them, with every inflated byte
   * counted: past the limit the read fails and the file is refused as a zip bomb.
   */
  private static final class CountingZip implements ZipEntrySource {

    private final ZipFileZipEntrySource zip;
    private final long limit;
    private long inflated;
    private boolean exceeded;

    CountingZip(byte[] content, long limit) throws IOException {
      ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get();
      this.zip = new ZipFileZipEntrySource(file);
      this.limit = limit;
      if (Collections.list(file.getEntries()).size() > MAX_ZIP_ENTRIES) {
        zip.close();
        throw ImportRefused.of("XLSX文件包含的部件过多，不是可以导入的工作簿");
      }
    }

    @Override
    public Enumeration<? extends ZipArchiveEntry> getEntries() {
      return zip.getEntries();
    }

    @Override
    public ZipArchiveEntry getEntry(String path) {
      return zip.getEntry(path);
    }

    @Override
    public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
      return new FilterInputStream(zip.getInputStream(entry)) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          if (n > 0) {
            count(n);
          }
          return n;
        }
      };
    }

    private void count(int n) throws IOException {
      inflated += n;
      if (inflated > limit) {
        exceeded = true;
        throw new IOException("decompressed size limit");
      }
    }

    @Override
    public void close() throws IOException {
      zip.close();
    }

    /** Closing a zip read from memory releases nothing that could fail. */
    void closeQuietly() {
      try {
        zip.close();
      } catch (IOException ignored) {
        // nothing held outside the heap
      }
    }

    @Override
    public boolean isClosed() {
      return zip.isClosed();
    }
  }
}
