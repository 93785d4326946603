package cn.partyflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.rectification.Rectification;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Every figure of the 2025 report of a 党委 seeded through the registry import and the procedures (ReportSeed),
 * against the numbers worked out by hand from what was seeded; the list behind a figure has as many rows as the
 * figure says; the DOCX read back holds the same numbers in its sentences.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired Reports reports;
  @Autowired ApplicationContext context;

  ReportSeed seed;
  Report report;

  @BeforeAll
  void seed() {
    seed = new ReportSeed(UUID.randomUUID().toString().substring(0, 6), context, http, runtime, tasks, jdbc);
    seed.registry();
    seed.memberDevelopment();
    seed.rectification();
    ReportSeed.clock("2026-02-10T10:00");
    report = reports.build(reports.scope(admin(), seed.committee).orElseThrow(), Period.year(2025));
  }

  @AfterAll
  void removeCases() {
    seed.removeCases();
  }

  @Test
  void membersAtTheYearsEndByStatusGenderAgeAndBranch() {
    // Full: M1 M2 M3 M4 M6 and E, F converted in 2025; M5 converted only in 2026 and D admitted in 2025 are 预备.
    assertThat(cell("members-status", "党员合计", 1)).isEqualTo("9");
    assertThat(cell("members-status", "正式党员", 1)).isEqualTo("7");
    assertThat(cell("members-status", "预备党员", 1)).isEqualTo("2");
    assertThat(cell("members-status", "发展对象", 1)).isEqualTo("1");
    assertThat(cell("members-status", "入党积极分子", 1)).isEqualTo("1");
    assertThat(cell("members-status", "入党申请人", 1)).as("G, whose 预备党员资格 was cancelled, is none of them")
        .isEqualTo("1");
    assertThat(cell("members-gender", "男", 1)).isEqualTo("5");
    assertThat(cell("members-gender", "女", 1)).isEqualTo("4");
    assertThat(cell("members-gender", "女", 2)).isEqualTo("44.4%");
    assertThat(cell("members-age", "35岁及以下", 1)).isEqualTo("4");
    assertThat(cell("members-age", "36至45岁", 1)).isEqualTo("2");
    assertThat(cell("members-age", "46至55岁", 1)).isEqualTo("1");
    assertThat(cell("members-age", "56至60岁", 1)).isEqualTo("0");
    assertThat(cell("members-age", "61岁及以上", 1)).isEqualTo("1");
    assertThat(cell("members-age", "未登记出生日期", 1)).isEqualTo("1");
    String a = "统计测试第一党支部" + seed.tag;
    String b = "统计测试第二党支部" + seed.tag;
    assertThat(cell("members-branch", a, 1)).as("the 党小组's member counts with its branch").isEqualTo("6");
    assertThat(cell("members-branch", a, 5)).isEqualTo("1");
    assertThat(cell("members-branch", b, 1)).isEqualTo("3");
    assertThat(cell("members-branch", b, 3)).isEqualTo("1");
  }

  @Test
  void memberDevelopmentInTheYear() {
    assertThat(cell("development", "收到入党申请", 1)).isEqualTo("1");
    assertThat(cell("development", "确定入党积极分子", 1)).isEqualTo("1");
    assertThat(cell("development", "确定发展对象", 1)).isEqualTo("1");
    assertThat(cell("development", "接收预备党员", 1)).isEqualTo("2");
    assertThat(cell("development", "预备党员按期转正", 1)).isEqualTo("1");
    assertThat(cell("development", "延长预备期后转正", 1)).isEqualTo("1");
    assertThat(cell("development", "延长预备期", 1)).isEqualTo("1");
    assertThat(cell("development", "取消预备党员资格", 1)).isEqualTo("1");
    assertThat(names("md.cancelled")).containsExactly("蒋取消" + seed.tag);
    assertThat(names("md.extended")).containsExactly("卫延长" + seed.tag);
    assertThat(names("md.convertedOnTime")).containsExactly("褚按期" + seed.tag);
  }

  @Test
  void medianDaysOfEachStage() {
    assertThat(cell("development-stages", "申请入党至确定为入党积极分子", 2))
        .isEqualTo(String.valueOf(days("2024-09-01", "2025-04-10")));
    assertThat(cell("development-stages", "入党积极分子至确定为发展对象", 2))
        .isEqualTo(String.valueOf(days("2024-03-01", "2025-06-01")));
    assertThat(cell("development-stages", "发展对象至接收为预备党员", 1)).as("M5 has no 发展对象 date").isEqualTo("1");
    long e = days("2024-03-15", "2025-03-15");
    long f = days("2024-01-10", "2025-07-10");
    assertThat(cell("development-stages", "预备期（接收至转正）", 2)).isEqualTo(String.valueOf((e + f) / 2));
  }

  @Test
  void overdueStepsAreTheOpenTasksPastTheirDeadline() {
    long overdue = tasks.createTaskQuery().processInstanceIdIn(seed.instances.toArray(String[]::new))
        .processDefinitionKey("memberDevelopment").dueBefore(ClockUtil.getCurrentTime()).count();
    assertThat(overdue).isEqualTo(1);
    assertThat(cell("development-overdue", "合计", 1)).isEqualTo(String.valueOf(overdue));
    assertThat(cell("development-overdue", "与申请人谈话", 1)).isEqualTo("1");
  }

  @Test
  void rectificationBySource() {
    // 巡察: item 1 accepted on time, item 2 accepted late after its 责任领导 returned it, item 3 returned by the
    // 巡察办 and 验收中 since, past its deadline: 2 closed, 3 due, 1 on time, 1 overdue, 2 returned.
    assertThat(cells("rectification", "巡察")).containsExactly("2", "3", "2", "3", "1", "1", "2", "0", "0", "66.7%",
        "33.3%");
    // 民主生活会: the long-term item the higher 党委 kept open (暂不销号) is neither closed nor returned.
    assertThat(cells("rectification", "民主生活会")).containsExactly("1", "1", "0", "0", "0", "0", "0", "0", "0",
        "0.0%", "—");
    assertThat(cells("rectification", "组织生活会")).containsExactly("0", "0", "0", "0", "0", "0", "0", "0", "0", "—",
        "—");
    assertThat(cells("rectification", "合计")).containsExactly("3", "4", "2", "3", "1", "1", "2", "0", "0", "50.0%",
        "33.3%");
    Report before = reports.build(reports.scope(admin(), seed.committee).orElseThrow(), Period.year(2024));
    assertThat(before.table("rectification").orElseThrow().rows().get(0).cells().get(1).text())
        .as("the 2024 case counts in 2024 only").isEqualTo("1");
  }

  @Test
  void anItemIsClosedOnlyWhenTheInspectingBodyAcceptedIt() {
    assertThat(report.figures().refs("rc.巡察.closed")).extracting(Ref::detail)
        .allMatch(d -> d.startsWith("已销号"));
    assertThat(report.figures().refs("rc.巡察.overdue")).extracting(Ref::detail)
        .singleElement().asString().startsWith(Rectification.ACCEPTANCE);
    // The 2024 item marked 已销号 by the unit itself, as before the 巡察办 accepted items, is no 销号.
    long item = jdbc.queryForObject("select i.id from pf_rectification_item i join pf_rectification_case c"
        + " on c.id = i.case_id where c.org_id = ? and c.feedback_date = date '2024-10-01'", Long.class, seed.committee);
    jdbc.update("update pf_rectification_item set status = ?, closed_at = timestamp '2024-12-20 10:00:00'"
        + " where id = ?", Rectification.CLOSED, item);
    jdbc.update("insert into pf_rectification_event (item_id, kind, actor, detail, occurred_at) values"
        + " (?, ?, 'rmyy_dangban', '验收销号：查阅材料', timestamp '2024-12-20 10:00:00')", item,
        Rectification.EVENT_CLOSED);
    List<String> of2024 = reports.build(reports.scope(admin(), seed.committee).orElseThrow(), Period.year(2024))
        .table("rectification").orElseThrow().rows().get(0).cells().stream().map(ReportTable.Cell::text).toList();
    assertThat(of2024.subList(1, 6)).as("items, 已销号, due, on time, overdue").containsExactly("1", "0", "1", "0",
        "1");
  }

  @Test
  void everyFigureHasAsManyRowsBehindItAsItSays() {
    report.sections().stream().flatMap(s -> s.tables().stream()).flatMap(t -> t.rows().stream())
        .flatMap(r -> r.cells().stream()).filter(c -> c.figure() != null)
        .forEach(c -> assertThat(report.figures().refs(c.figure())).as(c.figure()).hasSize(Integer.parseInt(c.text())));
  }

  @Test
  void theDrillDownPageListsThePeopleBehindAFigure() {
    String page = http.withBasicAuth("admin", "demo").getForObject("/reports/figure?key=md.admitted&orgId="
        + seed.committee + "&year=2025", String.class);
    assertThat(page).contains("接收预备党员").contains("陈预备" + seed.tag).contains("周五" + seed.tag)
        .contains("/people/" + seed.id("D"));
  }

  @Test
  void onlyTheOrganizationsInScopeAreReported() {
    ResponseEntity<String> other = http.withBasicAuth("rmyy_shuji", "demo")
        .getForEntity("/reports?orgId=" + seed.committee + "&year=2025", String.class);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> above = http.withBasicAuth("wjj_shuji", "demo")
        .getForEntity("/reports?orgId=" + seed.committee + "&year=2025", String.class);
    assertThat(above.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(above.getBody()).contains("统计测试党委" + seed.tag);
    ResponseEntity<String> figure = http.withBasicAuth("rmyy_shuji", "demo")
        .getForEntity("/reports/figure?key=md.admitted&orgId=" + seed.committee + "&year=2025", String.class);
    assertThat(figure.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("rmyy_shuji", "demo").getForEntity("/reports?year=二〇二五", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aTableExportsToXlsxWithTheSameNumbers() throws Exception {
    byte[] xlsx = http.withBasicAuth("admin", "demo").getForObject("/reports/export.xlsx?table=development&orgId="
        + seed.committee + "&year=2025", byte[].class);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(4 + 3).getCell(0).getStringCellValue()).isEqualTo("接收预备党员");
      assertThat(sheet.getRow(4 + 3).getCell(1).getNumericCellValue()).isEqualTo(2.0);
    }
  }

  @Test
  void theAnnualDocxReadsBackWithTheNumbersInItsSentences() throws Exception {
    byte[] docx = http.withBasicAuth("admin", "demo").getForObject("/reports/annual.docx?orgId=" + seed.committee
        + "&year=2025", byte[].class);
    String text;
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }
    assertThat(text).contains("2025年度党建工作数据报告").contains("统计测试党委" + seed.tag)
        .contains("共有党员9名，其中正式党员7名、预备党员2名")
        .contains("35周岁以下的党员4人，占44.4%；女党员4人，占44.4%")
        .contains("全年共收到入党申请1份，确定入党积极分子1名、发展对象1名，接收预备党员2名，1名预备党员按期转正")
        .contains("全年1名预备党员延长预备期后转正，延长预备期1名，取消预备党员资格1名")
        .contains("全年共梳理整改问题3个，制定整改措施4项，已整改销号2项，整改率50.0%；到期事项3项，按期完成1项，按期完成率33.3%")
        .contains("其中，巡察反馈问题2个，整改事项3项，已销号2项，整改率66.7%")
        .doesNotContain("党员一次性交纳1000元以上党费").doesNotContain("{");
    byte[] pdf = http.withBasicAuth("admin", "demo").getForObject("/reports/annual.pdf?orgId=" + seed.committee
        + "&year=2025", byte[].class);
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
  }

  private String cell(String table, String row, int column) {
    return cells(table, row).get(column - 1);
  }

  private List<String> cells(String table, String row) {
    return report.table(table).orElseThrow().rows().stream().filter(r -> r.label().equals(row)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + row + " in " + table)).cells().stream()
        .map(ReportTable.Cell::text).toList();
  }

  private List<String> names(String figure) {
    return report.figures().refs(figure).stream().map(Ref::name).toList();
  }

  private static long days(String from, String to) {
    return ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(to));
  }

  private static Authentication admin() {
    return new UsernamePasswordAuthenticationToken("admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
  }
}
