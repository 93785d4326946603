package cn.partyflow.dues;

import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.RuleViolation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The registers a branch keeps and publishes, as XLSX: the 党费收缴登记表 of a month, a member's year, and the
 * yearly disclosure list (each member's payments, published to the members once a year). Totals are summed in
 * BigDecimal; the cells hold the same two-decimal amounts.
 */
@Service
public class DuesLedgerExport {

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;

  DuesLedgerExport(JdbcTemplate jdbc, OrganizationDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  public byte[] branchMonth(String branchId, String period) {
    String month = Periods.of(Periods.parse(period));
    List<Map<String, Object>> rows = jdbc.queryForList("select l.person_id, p.name, l.base, l.rate, l.due, l.paid,"
        + " l.voluntary, l.paid_date, l.method, l.prepaid from pf_dues_ledger l join pf_person p on p.id = l.person_id"
        + " where l.branch_id = ? and l.period = ? order by l.person_id", branchId, month);
    String title = orgName(branchId) + month + "党费收缴登记表";
    return write(title, List.of("序号", "人员编号", "姓名", "计算基数（元）", "比例", "应交（元）", "实交（元）",
        "自愿多交（元）", "交纳日期", "交纳方式", "备注"), rows, (r, i) -> new Object[] {i + 1, r.get("person_id"),
        r.get("name"), r.get("base"), rate(r.get("rate")), r.get("due"), r.get("paid"), r.get("voluntary"),
        text(r.get("paid_date")), text(r.get("method")), Boolean.TRUE.equals(r.get("prepaid")) ? "预交" : ""},
        new int[] {5, 6, 7});
  }

  public byte[] memberYear(String personId, int year) {
    Person person = directory.person(personId).orElseThrow(() -> new RuleViolation("dues.person",
        "人员" + personId + "不存在"));
    List<Map<String, Object>> rows = jdbc.queryForList("select period, base, rate, due, paid, voluntary, paid_date,"
        + " method from pf_dues_ledger where person_id = ? and period >= ? and period <= ? order by period",
        personId, year + "-01", year + "-12");
    return write(person.name() + year + "年党费交纳记录", List.of("月份", "计算基数（元）", "比例", "应交（元）",
        "实交（元）", "自愿多交（元）", "交纳日期", "交纳方式"), rows, (r, i) -> new Object[] {r.get("period"),
        r.get("base"), rate(r.get("rate")), r.get("due"), r.get("paid"), r.get("voluntary"), text(r.get("paid_date")),
        text(r.get("method"))}, new int[] {3, 4, 5});
  }

  public byte[] disclosure(String branchId, int year) {
    List<Map<String, Object>> rows = jdbc.queryForList("select l.person_id, p.name, count(*) months, sum(l.due) due,"
        + " sum(l.paid) paid, sum(l.voluntary) voluntary, sum(l.due - l.paid) owed from pf_dues_ledger l"
        + " join pf_person p on p.id = l.person_id where l.branch_id = ? and l.period >= ? and l.period <= ?"
        + " group by l.person_id, p.name order by l.person_id", branchId, year + "-01", year + "-12");
    return write(orgName(branchId) + year + "年度党费收缴情况公示", List.of("序号", "姓名", "应交月数", "应交合计（元）",
        "实交合计（元）", "自愿多交（元）", "欠交（元）"), rows, (r, i) -> new Object[] {i + 1, r.get("name"),
        ((Number) r.get("months")).intValue(), r.get("due"), r.get("paid"), r.get("voluntary"), r.get("owed")},
        new int[] {3, 4, 5, 6});
  }

  /** Which organization a person's ledger belongs to, for the access check. */
  public String branchOf(String personId) {
    return directory.person(personId).map(Person::orgId).orElseThrow(() -> new RuleViolation("dues.person",
        "人员" + personId + "不存在"));
  }

  private String orgName(String orgId) {
    return directory.organization(orgId).map(o -> o.name()).orElse(orgId);
  }

  interface RowWriter {
    Object[] cells(Map<String, Object> row, int index);
  }

  private static byte[] write(String title, List<String> headers, List<Map<String, Object>> rows, RowWriter writer,
      int[] totalled) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
      CellStyle money = wb.createCellStyle();
      money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
      sheet.createRow(0).createCell(0).setCellValue(title);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
      Row head = sheet.createRow(1);
      for (int c = 0; c < headers.size(); c++) {
        head.createCell(c).setCellValue(headers.get(c));
      }
      BigDecimal[] totals = new BigDecimal[headers.size()];
      for (int c : totalled) {
        totals[c] = BigDecimal.ZERO.setScale(Money.SCALE);
      }
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.createRow(i + 2);
        Object[] cells = writer.cells(rows.get(i), i);
        for (int c = 0; c < cells.length; c++) {
          Object v = cells[c];
          if (v instanceof BigDecimal b) {
            amount(row, c, b, money);
            if (totals[c] != null) {
              totals[c] = totals[c].add(b);
            }
          } else if (v instanceof Integer n) {
            amount(row, c, BigDecimal.valueOf(n), null);
          } else {
            row.createCell(c).setCellValue(text(v));
          }
        }
      }
      Row total = sheet.createRow(rows.size() + 2);
      total.createCell(0).setCellValue("合计");
      for (int c : totalled) {
        amount(total, c, totals[c], money);
      }
      for (int c = 0; c < headers.size(); c++) {
        sheet.setColumnWidth(c, 14 * 256);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An XLSX number is stored as decimal text, so writing that text keeps the amount exact to the fen. */
  private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
    XSSFCell cell = (XSSFCell) row.createCell(column, CellType.NUMERIC);
    cell.getCTCell().setV(value.toPlainString());
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static String rate(Object rate) {
    return rate == null ? "定额" : ((BigDecimal) rate).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  private static String text(Object v) {
    return v == null ? "" : v.toString();
  }
}
