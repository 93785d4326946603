package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Imports are read within limits a setting can raise: rows, named columns, cell length, file and unpacked size. */
class SheetReaderLimitsTest {

  static final Map<String, String> COLUMNS = Map.of("id", "id", "编号", "id", "name", "name", "姓名", "name");
  static final String[] HEADER = {"编号", "姓名"};

  static SheetReader reader(int maxRows, int maxColumns, int maxCellLength, long maxFileBytes, long maxUnpacked) {
    return new SheetReader(new ImportLimits(maxFileBytes, maxRows, maxColumns, maxCellLength, maxUnpacked));
  }

  static final SheetReader DEFAULTS = new SheetReader(ImportLimits.defaults());

  /** Starts a JVM of its own (tag {@code jvm}, left out of {@code -Pquick}: a minute on the shared machine). */
  @Test
  @Tag("jvm")
  void theIssuesWideWorkbookIsReadInA200MegabyteHeap() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process child = new ProcessBuilder(java, "-Xmx200m", "-cp", System.getProperty("java.class.path"),
        InSmallHeap.class.getName()).redirectErrorStream(true).start();
    boolean ended = child.waitFor(120, TimeUnit.SECONDS);
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      child.destroyForcibly();
    }
    assertThat(ended).as(output).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("refused: 文件有101处错误").contains("列数多于表头：第16384列有内容")
        .contains("read to the end: 0 rows");
  }

  /** Runs in a JVM of at most 200 MB of heap: reading the whole workbook there runs out of memory. */
  static final class InSmallHeap {
    public static void main(String[] args) {
      byte[] something = WideSheet.xlsx(HEADER, 100_000, "x");
      byte[] nothing = WideSheet.xlsx(HEADER, 100_000, "");
      System.out.println("sizes " + something.length + " and " + nothing.length + " bytes");
      try {
        DEFAULTS.read("wide.xlsx", something, COLUMNS);
        System.out.println("accepted");
        System.exit(2);
      } catch (ImportRefused e) {
        System.out.println("refused: " + e.getMessage());
      }
      List<SheetRow> rows = DEFAULTS.read("wide.xlsx", nothing, COLUMNS);
      System.out.println("read to the end: " + rows.size() + " rows");
    }
  }

  @Test
  void rowsBeyondTheLimitAreRefusedAndTheSettingRaisesIt() {
    byte[] csv = "编号,姓名\n1,甲\n2,乙\n3,丙\n4,丁\n".getBytes(StandardCharsets.UTF_8);
    byte[] xlsx = WideSheet.xlsx(HEADER, new String[] {"1", "甲"}, new String[] {"2", "乙"},
        new String[] {"3", "丙"}, new String[] {"4", "丁"});
    for (byte[] file : List.of(csv, xlsx)) {
      String name = file == csv ? "p.csv" : "p.xlsx";
      assertThatThrownBy(() -> reader(3, 50, 2000, 1 << 20, 1 << 20).read(name, file, COLUMNS))
          .isInstanceOf(ImportRefused.class).hasMessageContaining("文件超过3行数据的上限");
      assertThat(reader(4, 50, 2000, 1 << 20, 1 << 20).read(name, file, COLUMNS)).hasSize(4);
    }
  }

  @Test
  void aCellLongerThanTheLimitIsRefusedNamingItsRowAndColumn() {
    String longName = "长".repeat(21);
    byte[] csv = ("编号,姓名\n1,甲\n2," + longName + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] xlsx = WideSheet.xlsx(HEADER, new String[] {"1", "甲"}, new String[] {"2", longName});
    for (byte[] file : List.of(csv, xlsx)) {
      assertThatThrownBy(() -> reader(10, 50, 20, 1 << 20, 1 << 20).read(file == csv ? "p.csv" : "p.xlsx", file,
          COLUMNS)).isInstanceOf(ImportRefused.class).hasMessageContaining("第3行：“姓名”有21字，超过20字的上限");
    }
  }

  @Test
  void aWorkbookThatUnpacksBeyondTheLimitIsRefusedAsAZipBomb() {
    byte[] bomb = WideSheet.workbook(sheet -> {
      sheet.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>编号</t></is></c></row>");
      sheet.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
      for (int i = 0; i < 8_000; i++) {
        sheet.write("0".repeat(1000));
      }
      sheet.write("</t></is></c></row>");
    });
    assertThat(bomb.length).isLessThan(200_000);
    assertThatThrownBy(() -> reader(50_000, 50, 2000, 1 << 20, 1 << 20).read("bomb.xlsx", bomb, COLUMNS))
        .isInstanceOf(ImportRefused.class).hasMessageContaining("解压后超过1.0MB的上限");
  }

  @Test
  void aFileAboveTheSizeLimitIsRefusedUnread() {
    byte[] csv = ("编号,姓名\n" + "1,甲\n".repeat(1000)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> reader(50_000, 50, 2000, 4096, 1 << 20).read("p.csv", csv, COLUMNS))
        .isInstanceOf(ImportRefused.class).hasMessageContaining("超过导入文件4KB的上限");
  }

  @Test
  void aCsvLineOfMoreFieldsThanExcelHasColumnsIsRefusedBeforeParsing() {
    byte[] csv = ("编号,姓名\n1,甲" + ",".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DEFAULTS.read("p.csv", csv, COLUMNS))
        .isInstanceOf(ImportRefused.class).hasMessageContaining("第2行超过16384列");
  }

  @Test
  void aHeaderOfMoreColumnsThanTheLimitIsRefused() {
    byte[] csv = "编号,姓名,a,b,c\n1,甲,,,\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> reader(10, 4, 2000, 1 << 20, 1 << 20).read("p.csv", csv, COLUMNS))
        .isInstanceOf(ImportRefused.class).hasMessageContaining("表头超过4列的上限");
  }

  @Test
  void aColumnNamedTwiceIsRefused() {
    byte[] csv = "编号,姓名,name\n1,甲,乙\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DEFAULTS.read("p.csv", csv, COLUMNS))
        .isInstanceOf(ImportRefused.class).hasMessageContaining("列“name”与“姓名”重复");
  }

  @Test
  void datesReadAsIsoDatesAndNumbersAsPlainDecimals() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = wb.createSheet("人员");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("编号");
      header.createCell(1).setCellValue("姓名");
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(6500.0);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
      row.createCell(1).setCellValue(LocalDate.of(2025, 3, 1));
      row.getCell(1).setCellStyle(date);
      Row second = sheet.createRow(2);
      second.createCell(0).setCellValue(0.5);
      second.createCell(1).setCellValue("  乙  ");
      wb.write(out);
      List<SheetRow> rows = DEFAULTS.read("p.xlsx", out.toByteArray(), COLUMNS);
      assertThat(rows).extracting(r -> r.get("id") + "|" + r.get("name"))
          .containsExactly("6500|2025-03-01", "0.5|乙");
      assertThat(rows).extracting(SheetRow::line).containsExactly(2, 3);
    }
  }

  @Test
  void anXlsxThatIsNoWorkbookIsRefusedInChinese() {
    assertThatThrownBy(() -> DEFAULTS.read("o.xlsx", "PK\u0003\u0004 not a workbook".getBytes(StandardCharsets.UTF_8),
        COLUMNS)).isInstanceOf(ImportRefused.class).hasMessageContaining("XLSX文件无法读取");
  }
}
