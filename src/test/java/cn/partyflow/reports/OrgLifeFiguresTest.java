package cn.partyflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.organizationallife.Attendance;
import cn.partyflow.organizationallife.MeetingStore;
import cn.partyflow.organizationallife.MeetingType;
import cn.partyflow.organizationallife.OrganizationalLife;
import cn.partyflow.organizationallife.OrganizationalLifeRules.MeetingRecord;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Presence;
import cn.partyflow.organizationallife.OrganizationalLifeService;
import cn.partyflow.shared.ChinaClock;
import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The 组织生活 figures of 后勤党支部 (吕强 P050 书记, 丁梅 P051) against three meetings recorded through the
 * organizational-life service: a 支部党员大会 and a 主题党日 both attended, a 党课 with 丁梅 on leave. Every count is
 * its list's length and what the meeting table holds; the annual DOCX says it in a sentence.
 */
@PostgresTest
class OrgLifeFiguresTest {

  static final String BRANCH = "rmyy-hq";
  /** A year whose first three days have passed, so the meetings are not in the future. */
  static final int YEAR = ChinaClock.today().getDayOfYear() > 3 ? ChinaClock.today().getYear()
      : ChinaClock.today().getYear() - 1;

  @Autowired OrganizationalLifeService life;
  @Autowired MeetingStore meetings;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired Reports reports;
  @Autowired TestRestTemplate http;

  Report report;

  @BeforeEach
  void recordThreeMeetings() {
    life.start(BRANCH, YEAR);
    record(MeetingType.GENERAL_MEETING, 1, Attendance.PRESENT);
    record(MeetingType.PARTY_LECTURE, 2, Attendance.LEAVE);
    record(MeetingType.THEME_DAY, 3, Attendance.PRESENT);
    report = reports.build(reports.scope(new UsernamePasswordAuthenticationToken("admin", null,
        List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))), BRANCH).orElseThrow(), Period.year(YEAR));
  }

  @AfterEach
  void removeTheYear() {
    String key = OrganizationalLife.businessKey(BRANCH, YEAR);
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .forEach(h -> history.deleteHistoricProcessInstance(h.getId()));
    meetings.deleteYear(BRANCH, YEAR);
  }

  @Test
  void eachMeetingCountIsItsListAndWhatTheMeetingTableHolds() {
    assertThat(row("orglife", "支部党员大会")).containsExactly("1", "2", "2", "100.0%");
    assertThat(row("orglife", "党课")).containsExactly("1", "2", "1", "50.0%");
    assertThat(row("orglife", "主题党日")).containsExactly("1", "2", "2", "100.0%");
    assertThat(row("orglife", "支委会").get(0)).isEqualTo("0");
    assertThat(row("orglife", "其中：三会一课").get(0)).isEqualTo("2");
    assertThat(row("orglife", "合计")).containsExactly("3", "6", "5", "83.3%");
    assertThat(row("orglife-branches", "县人民医院后勤党支部")).containsExactly("2", "1", "3", "83.3%");

    assertThat(report.figures().refs("orglife.all")).hasSize(countOf(null))
        .allSatisfy(r -> assertThat(r.href()).startsWith("/organizational-life/rmyy-hq/meetings/"));
    assertThat(report.figures().refs("orglife.threeOne")).hasSize(countOf("'GENERAL_MEETING','PARTY_LECTURE'"))
        .hasSize(2);
    assertThat(report.figures().refs("orglife.type.theme-day")).hasSize(countOf("'THEME_DAY'")).hasSize(1);
    int present = jdbc.queryForObject("select count(*) from pf_ol_attendance a join pf_ol_meeting m on m.id ="
        + " a.meeting_id where m.branch_id = ? and a.attendance = 'PRESENT'", Integer.class, BRANCH);
    assertThat(present).isEqualTo(5);
    assertThat(report.figures().numbers()).containsEntry("olThreeOne", 2).containsEntry("olThemeDays", 1)
        .containsEntry("olRate", "83.3%");

    String list = http.withBasicAuth("admin", "demo").getForObject("/reports/figure?key=orglife.all&orgId=" + BRANCH
        + "&year=" + YEAR, String.class);
    assertThat(list).contains("支部党员大会 " + YEAR + "-01-01").contains("/organizational-life/rmyy-hq/meetings/");
  }

  @Test
  void theAnnualReportSaysHowManyMeetingsWereHeldAndTheAttendanceRate() throws Exception {
    byte[] docx = http.withBasicAuth("admin", "demo").getForObject("/reports/annual.docx?orgId=" + BRANCH + "&year="
        + YEAR, byte[].class);
    String text;
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }
    assertThat(text).contains("全年召开“三会一课”2次、主题党日1次，党员参会率83.3%")
        .contains("其中支部党员大会1次、支委会0次、党小组会0次、党课1次，开展谈心谈话0次");
    assertThat(http.withBasicAuth("admin", "demo").getForEntity("/reports/export.xlsx?table=orglife&orgId=" + BRANCH
        + "&year=" + YEAR, byte[].class).getStatusCode().value()).isEqualTo(200);
  }

  private int countOf(String types) {
    return jdbc.queryForObject("select count(*) from pf_ol_meeting where branch_id = ? and held_on between ? and ?"
        + (types == null ? "" : " and meeting_type in (" + types + ")"), Integer.class, BRANCH,
        Date.valueOf(LocalDate.of(YEAR, 1, 1)), Date.valueOf(LocalDate.of(YEAR, 12, 31)));
  }

  private void record(MeetingType type, int day, Attendance second) {
    Map<String, Presence> attendance = Map.of("P050", new Presence(Attendance.PRESENT, null, null), "P051",
        new Presence(second, second == Attendance.PRESENT ? null : "值班", null));
    life.record(BRANCH, YEAR, new MeetingRecord(type, LocalDate.of(YEAR, 1, day), "会议室", type.label() + "（统计测试）",
        "学习贯彻党的二十届四中全会精神", "P050", "P050", null, attendance), "hq_shuji");
  }

  private List<String> row(String table, String label) {
    return report.table(table).orElseThrow().rows().stream().filter(r -> r.label().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label + " in " + table)).cells().stream()
        .map(ReportTable.Cell::text).toList();
  }
}
