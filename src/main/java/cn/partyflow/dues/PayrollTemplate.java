package cn.partyflow.dues;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.SheetTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The payroll sheet a branch fills in for its annual assessment: one row per member (正式党员 and 预备党员) with
 * the columns {@link IncomeImport#importIncome} reads, under their Chinese names.
 */
@Component
public class PayrollTemplate {

  private final OrganizationDirectory directory;

  PayrollTemplate(OrganizationDirectory directory) {
    this.directory = directory;
  }

  /**
   * The column names in order: who, the regular pay items, the tax, the deducted contributions, the items the
   * 2017 notice leaves out of the base (reform-type allowances, incentive performance pay), a remark.
   */
  public static List<String> columns() {
    List<String> columns = new ArrayList<>(List.of("人员编号", "姓名", "人员类别"));
    columns.addAll(IncomeBase.REGULAR_ITEMS);
    columns.add("个人所得税");
    columns.addAll(IncomeBase.DEDUCTIONS);
    columns.addAll(IncomeBase.NOT_COUNTED);
    columns.add("备注");
    return columns;
  }

  public byte[] forBranch(String branchId) {
    List<String> columns = columns();
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("工资表");
      SheetTemplate.header(book, sheet, columns, c -> 14);
      int r = 1;
      for (Person p : directory.people(List.of(branchId))) {
        if (p.status() == MemberStatus.FULL_MEMBER || p.status() == MemberStatus.PROBATIONARY) {
          Row row = sheet.createRow(r++);
          row.createCell(0).setCellValue(p.id());
          row.createCell(1).setCellValue(p.name());
        }
      }
      sheet.createFreezePane(3, 1);
      Sheet notes = book.createSheet("填写说明");
      String[] lines = {
          "计入基数：" + String.join("、", IncomeBase.REGULAR_ITEMS) + "（税后，《关于中国共产党党费收缴、使用和管理的规定》第一条）",
          "扣除：个人所得税、" + String.join("、", IncomeBase.DEDUCTIONS) + "（个人缴纳部分）",
          "不计入基数（《关于进一步规范党费工作的通知》）：" + String.join("、", IncomeBase.NOT_COUNTED)
              + "。照实填写，系统列出但不计入",
          "离退休党员只按基本离退休费或基本养老金计算，其他津贴补贴不计入",
          "人员类别：在职、离退休、学生、下岗失业、低保、农民"};
      for (int i = 0; i < lines.length; i++) {
        notes.createRow(i).createCell(0).setCellValue(lines[i]);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
