package cn.partyflow.organizationallife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.WebSession;
import cn.partyflow.shared.ChinaClock;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * 外科党支部's 2026 on PostgreSQL, over HTTP as its officers and the 党委's 组织部门 do it, with the engine clock moved
 * past each period's end: started from the page (only by the branch's 书记, 副书记 or 组织委员, once), a 主题党日
 * with an absentee recorded, a 党员大会 below quorum refused with nothing stored, January's missing 支委会 reminded
 * to the 书记 (Tasklist and a recorded email) and supervised by the 党委组织部门, the first quarter reviewed, and
 * the counts on the page and in the export.
 */
@PostgresTest
class OrganizationalLifeScenarioTest {

  private static final String BRANCH = "rmyy-wk";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeetingStore store;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(OrganizationalLife.businessKey(BRANCH, 2026))
        .list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(OrganizationalLife.businessKey(BRANCH, 2026))
        .list().forEach(h -> history.deleteHistoricProcessInstance(h.getId()));
    store.deleteYear(BRANCH, 2026);
    jdbc.update("delete from pf_notification where kind = 'ol-reminder' and recipient_user = 'wk_shuji'");
  }

  @Test
  void aBranchsYearIsStartedRecordedRemindedSupervisedReviewedAndCounted() throws Exception {
    setClock(LocalDateTime.of(2026, 1, 5, 10, 0));
    assertThat(post("wk_dangfei", "/organizational-life/rmyy-wk/start", Map.of("year", "2026")))
        .contains("只有本支部的书记、副书记或组织委员可以发起组织生活和记录会议");
    assertThat(post("nk_zuzhi", "/organizational-life/rmyy-wk/start", Map.of("year", "2026")))
        .contains("不在您的权限范围内");
    assertThat(store.yearCase(BRANCH, 2026)).isEmpty();
    assertThat(post("wk_zuzhi", "/organizational-life/rmyy-wk/start", Map.of("year", "2026")))
        .contains("已发起2026年度组织生活");
    assertThat(post("wk_shuji", "/organizational-life/rmyy-wk/start", Map.of("year", "2026")))
        .contains("外科党支部2026年度组织生活已经发起，每个党支部每年一个");
    ProcessInstance pi = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(OrganizationalLife.businessKey(BRANCH, 2026)).singleResult();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getStartUserId()).isEqualTo("wk_zuzhi");
    assertThat(store.plan(BRANCH, 2026)).anyMatch(m -> m.type() == MeetingType.GROUP_MEETING)
        .filteredOn(m -> m.type() == MeetingType.COMMITTEE_MEETING).hasSize(12);

    setClock(LocalDateTime.of(2026, 1, 20, 10, 0));
    String themeDay = post("wk_zuzhi", "/organizational-life/rmyy-wk/meetings", meeting("theme-day", "2026-01-15",
        "P030", "P031", Map.of("P030", "PRESENT", "P031", "PRESENT", "P032", "PRESENT", "P035", "ABSENT"),
        Map.of("reason_P035", "夜班")));
    assertThat(themeDay).contains("已记录2026-01-15的主题党日").contains("曾凯").contains("夜班");
    String belowQuorum = post("wk_zuzhi", "/organizational-life/rmyy-wk/meetings", meeting("general-meeting",
        "2026-01-16", "P030", "P030", Map.of("P030", "PRESENT", "P031", "LEAVE", "P032", "LEAVE", "P035", "PRESENT"),
        Map.of("reason_P031", "出差", "reason_P032", "培训", "firstTopic", "学习重要讲话精神")));
    assertThat(belowQuorum).contains("支部党员大会须有表决权的党员超过半数到会方可召开").contains("应到有表决权的正式党员3人，实到1人")
        .contains("value=\"出差\"");
    assertThat(store.meetings(BRANCH, 2026)).hasSize(1);
    assertThat(post("wk_dangfei", "/organizational-life/rmyy-wk/meetings", meeting("theme-day", "2026-01-16",
        "P030", "P031", Map.of("P030", "PRESENT", "P031", "PRESENT"), Map.of()))).doesNotContain("已记录");
    assertThat(store.meetings(BRANCH, 2026)).hasSize(1);

    // January ended without its 支委会 and 党小组会: the 书记 is reminded on Monday 2 February.
    setClock(LocalDateTime.of(2026, 2, 2, 0, 5));
    runDueJobs(pi);
    Task reminder = task(pi, OrganizationalLife.REMIND);
    assertThat(reminder.getName()).isEqualTo("补开县人民医院外科党支部2026年1月未召开的会议");
    assertThat(tasks.getVariable(reminder.getId(), OrganizationalLife.MISSING)).isEqualTo("2026年1月支委会、党小组会");
    assertThat(candidates(reminder)).containsExactly("rmyy-wk.secretary");
    assertThat(jdbc.queryForObject("select count(*) from pf_notification where kind = 'ol-reminder'"
        + " and recipient_user = 'wk_shuji' and subject like '%外科党支部%'", Integer.class)).isEqualTo(1);

    // Still missing five working days later: the 党委组织部门 supervises; the 书记 answers the reminder.
    setClock(LocalDateTime.of(2026, 2, 9, 0, 5));
    runDueJobs(pi);
    Task supervise = task(pi, OrganizationalLife.SUPERVISE);
    assertThat(candidates(supervise)).containsExactly("rmyy.orgdept");
    assertThat(complete("rmyy_zzb", supervise, Map.of("superviseNote", "已电话督办，支部2月12日补开")).getStatusCode()
        .value()).isEqualTo(204);
    assertThat(complete("wk_shuji", reminder, Map.of("secretaryNote", "2月12日补开支委会和党小组会")).getStatusCode()
        .value()).isEqualTo(204);

    // The first quarter goes to the 党委 for review with its counts.
    setClock(LocalDateTime.of(2026, 4, 1, 0, 5));
    runDueJobs(pi);
    Task review = task(pi, OrganizationalLife.REVIEW_QUARTER);
    assertThat(review.getName()).isEqualTo("审阅县人民医院外科党支部2026年第一季度组织生活");
    assertThat(tasks.getVariable(review.getId(), OrganizationalLife.QUARTER_SUMMARY).toString())
        .startsWith("2026年第一季度：三会一课0次").contains("主题党日1次").contains("出勤率75.0%")
        .contains("未按计划召开：2026年1月支委会、党小组会");
    assertThat(complete("wk_shuji", review, Map.of("reviewResult", "GOOD", "reviewOpinion", "可以")).getStatusCode()
        .value()).isEqualTo(403);
    assertThat(complete("rmyy_zzb", review, Map.of("reviewResult", "IMPROVE", "reviewOpinion",
        "支委会、党小组会未按月召开")).getStatusCode().value()).isEqualTo(204);
    assertThat(store.reviews(BRANCH, 2026)).singleElement().extracting(MeetingStore.Review::result)
        .isEqualTo("IMPROVE");

    String page = http.withBasicAuth("wk_shuji", "demo").getForObject("/organizational-life/rmyy-wk?year=2026",
        String.class);
    assertThat(page).contains("id=\"counts-q1\"").contains("75.0%").contains("支委会、党小组会未按月召开");
    byte[] xlsx = http.withBasicAuth("rmyy_zzb", "demo").getForObject("/organizational-life/rmyy-wk/records.xlsx"
        + "?year=2026", byte[].class);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Row row = wb.getSheet("会议记录").getRow(2);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo("主题党日");
      assertThat(row.getCell(10).getStringCellValue()).isEqualTo("曾凯（缺席：夜班）");
      Sheet counts = wb.getSheet("统计");
      assertThat(counts.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(1.0);
      assertThat(counts.getRow(2).getCell(10).getStringCellValue()).isEqualTo("75.0%");
    }
    assertThat(http.withBasicAuth("nk_shuji", "demo").getForEntity("/organizational-life/rmyy-wk/records.xlsx"
        + "?year=2026", String.class).getStatusCode().value()).isEqualTo(404);
  }

  private MultiValueMap<String, String> meeting(String type, String day, String chair, String recorder,
      Map<String, String> attendance, Map<String, String> more) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("year", "2026");
    form.add("type", type);
    form.add("heldOn", day);
    form.add("topic", "学习党章");
    form.add("chairId", chair);
    form.add("recorderId", recorder);
    attendance.forEach((id, a) -> form.add("att_" + id, a));
    more.forEach(form::add);
    return form;
  }

  private void runDueJobs(ProcessInstance pi) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  private Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private List<String> candidates(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(l -> l.getGroupId()).toList();
  }

  private ResponseEntity<String> complete(String user, Task task, Map<String, String> variables) {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    variables.forEach((k, v) -> json.append(json.length() > 14 ? "," : "").append("\"").append(k)
        .append("\":{\"value\":\"").append(v).append("\"}"));
    json.append("}}");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + task.getId() + "/complete",
        HttpMethod.POST, new HttpEntity<>(json.toString(), headers), String.class);
  }

  private String post(String user, String path, Map<String, String> form) {
    return WebSession.open(http, user, "/organizational-life").submit(path, form);
  }

  private String post(String user, String path, MultiValueMap<String, String> form) {
    return WebSession.open(http, user, "/organizational-life").submit(path, form);
  }

  private static void setClock(LocalDateTime t) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(t));
  }
}
