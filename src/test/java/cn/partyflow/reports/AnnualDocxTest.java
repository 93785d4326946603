package cn.partyflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

class AnnualDocxTest {

  @Test
  void theDocumentsTablesHoldEveryCellOfTheReportsTablesInOrder() throws IOException {
    ReportTable members = new ReportTable("members", "党员按支部", List.of("组织", "党员", "预备党员"), List.of(
        new ReportTable.Row("内科党支部", List.of(ReportTable.Cell.text("12"), ReportTable.Cell.text("2"))),
        new ReportTable.Row("外科<一>&\"二\"党支部", List.of(ReportTable.Cell.text("7"), ReportTable.Cell.text(null)))),
        "按年末在册统计");
    AnnualReport annual = new AnnualReport("2025年度党建工作数据报告", "县人民医院党委", "统计期间",
        List.of(new AnnualReport.Part("党员队伍", List.of("共有党员19名。"), List.of(members))));

    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(AnnualDocx.render(annual)))) {
      assertThat(doc.getTables()).hasSize(1);
      XWPFTable table = doc.getTables().get(0);
      assertThat(table.getRows()).extracting(AnnualDocxTest::texts).containsExactly(
          List.of("组织", "党员", "预备党员"),
          List.of("内科党支部", "12", "2"),
          List.of("外科<一>&\"二\"党支部", "7", ""));
      assertThat(table.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
      assertThat(table.getRow(1).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isFalse();
      assertThat(doc.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0)
          .getEastAsia()).isEqualTo(AnnualDocx.FONT);
      assertThat(doc.getParagraphs()).extracting(p -> p.getText())
          .containsSubsequence("一、党员队伍", "共有党员19名。", "党员按支部", "注：按年末在册统计");
    }
  }

  private static List<String> texts(XWPFTableRow row) {
    return row.getTableCells().stream().map(c -> c.getText()).toList();
  }
}
