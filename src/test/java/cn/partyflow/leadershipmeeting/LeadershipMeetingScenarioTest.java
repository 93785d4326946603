package cn.partyflow.leadershipmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.WebSession;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/**
 * 县人民医院党委's 民主生活会 on PostgreSQL, over HTTP as its 组织部门干事 (赵志强) and the higher level (县卫生健康局党组,
 * whose 组织部门 is vacant, so its 书记 袁志国 answers) do it: the plan, the preparation with every pair of its four
 * 班子成员 talking, a meeting refused with two present and recorded with three, the report, and on the report's
 * approval the problem list reaching a rectification case of source 民主生活会 at the 党委's 组织部门.
 */
@PostgresTest
class LeadershipMeetingScenarioTest {

  static final String ORG = "rmyy";
  static final List<String> MEMBERS = List.of("P001", "P002", "P005", "P006");

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  final LocalDate today = ChinaClock.today();
  final int year = today.getYear();
  /** The planned day, the earliest the plan drafted today allows; the meeting is held then. */
  final LocalDate held = today.plusDays(15);

  @AfterEach
  void removeTheCases() {
    ClockUtil.reset();
    removeCases(jdbc, runtime, history, ORG);
  }

  /** Removes the organization's 民主生活会 cases and the rectification cases they started. */
  static void removeCases(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history, String org) {
    List<String> cases = jdbc.queryForList("select process_instance_id from pf_lm_case where org_id = ?", String.class,
        org);
    List<String> rectifications = jdbc.queryForList("select rectification_pi from pf_lm_case where org_id = ?"
        + " and rectification_pi is not null", String.class, org);
    for (String pi : cases) {
      jdbc.update("delete from pf_lm_date_change where process_instance_id = ?", pi);
      jdbc.update("delete from pf_lm_event where process_instance_id = ?", pi);
      jdbc.update("delete from pf_lm_problem where process_instance_id = ?", pi);
      jdbc.update("delete from pf_lm_talk where process_instance_id = ?", pi);
      jdbc.update("delete from pf_lm_member where process_instance_id = ?", pi);
      jdbc.update("delete from pf_lm_case where process_instance_id = ?", pi);
    }
    for (String pi : concat(cases, rectifications)) {
      runtime.deleteProcessInstancesIfExists(List.of(pi), "test finished", true, true, true);
      if (history.createHistoricProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        history.deleteHistoricProcessInstance(pi);
      }
      jdbc.update("delete from pf_routing_log where process_instance_id = ?", pi);
      jdbc.update("delete from pf_notification where process_instance_id = ?", pi);
    }
    for (String pi : rectifications) {
      String items = "select i.id from pf_rectification_item i join pf_rectification_case c on c.id = i.case_id"
          + " where c.process_instance_id = ?";
      jdbc.update("delete from pf_notification where item_id in (" + items + ")", pi);
      jdbc.update("delete from pf_rectification_event where item_id in (" + items + ")", pi);
      jdbc.update("delete from pf_rectification_item where case_id in (select id from pf_rectification_case"
          + " where process_instance_id = ?)", pi);
      jdbc.update("delete from pf_rectification_case where process_instance_id = ?", pi);
    }
  }

  @Test
  void theCommitteesMeetingRunsFromThePlanToARectificationCaseOfItsProblems() {
    assertThat(post("rmyy_fgld", Map.of("year", String.valueOf(year))))
        .contains("只有县人民医院党委的书记或组织部门干事可以发起民主生活会");
    assertThat(post("rmyy_zzb", Map.of("year", "明年"))).contains("年度").doesNotContain("已发起");
    assertThat(post("rmyy_zzb", Map.of("year", String.valueOf(year - 2)))).contains("不能发起" + (year - 2) + "年度的");
    assertThat(post("rmyy_zzb", Map.of("year", String.valueOf(year)))).contains("已发起县人民医院党委" + year
        + "年度民主生活会");
    assertThat(post("rmyy_shuji", Map.of("year", String.valueOf(year)))).contains("已经发起，每个党委（党组）每年一个");
    String pi = jdbc.queryForObject("select process_instance_id from pf_lm_case where org_id = ? and meeting_year = ?",
        String.class, ORG, year);

    Task draft = task(pi, LeadershipMeeting.DRAFT_PLAN);
    assertThat(complete("rmyy_zzb", draft, plan(today.plusDays(14))).getBody()).contains("须提前15天报上级党组织");
    assertThat(complete("rmyy_zzb", draft, plan(held)).getStatusCode().value()).isEqualTo(204);
    Task review = task(pi, LeadershipMeeting.REVIEW_PLAN);
    assertThat(complete("rmyy_zzb", review, "{\"decision\":{\"value\":\"APPROVE\"}}").getStatusCode().value())
        .as("the 党委's own 组织部门 does not approve its plan").isEqualTo(403);
    assertThat(complete("wjj_shuji", review, "{\"decision\":{\"value\":\"APPROVE\"}}").getStatusCode().value())
        .isEqualTo(204);

    Task prepare = task(pi, LeadershipMeeting.PREPARE);
    assertThat(complete("rmyy_zzb", prepare, preparation(5)).getBody()).contains("尚未登记周明与吴芳的谈话");
    assertThat(jdbc.queryForObject("select count(*) from pf_lm_talk where process_instance_id = ?", Integer.class, pi))
        .isZero();
    assertThat(complete("rmyy_zzb", prepare, preparation(6)).getStatusCode().value()).isEqualTo(204);

    Task meeting = task(pi, LeadershipMeeting.HOLD_MEETING);
    assertThat(complete("rmyy_zzb", meeting, meeting(List.of("P001", "P002", "P005"), today)).getBody())
        .contains("早于上级同意的拟召开日期" + held).contains("提前召开须经上级党组织批准");
    ClockUtil.setCurrentTime(ChinaClock.toDate(held.atTime(LocalTime.of(10, 0))));
    assertThat(complete("rmyy_zzb", meeting, meeting(List.of("P001", "P002"), held)).getBody())
        .contains("三分之二以上").contains("应到4人，实到2人，至少须到3人");
    assertThat(jdbc.queryForObject("select meeting_date from pf_lm_case where process_instance_id = ?",
        java.sql.Date.class, pi)).isNull();
    assertThat(complete("rmyy_zzb", meeting, meeting(List.of("P001", "P002", "P005"), held)).getStatusCode()
        .value()).isEqualTo(204);

    assertThat(complete("rmyy_zzb", task(pi, LeadershipMeeting.REPORT), "{\"reportText\":{\"value\":\"会议情况、"
        + "查摆问题和整改措施\"},\"reportDate\":{\"value\":\"" + held + "\"}}").getStatusCode().value()).isEqualTo(204);
    assertThat(complete("wjj_shuji", task(pi, LeadershipMeeting.REVIEW_REPORT), "{\"decision\":{\"value\":"
        + "\"APPROVE\"}}").getStatusCode().value()).isEqualTo(204);

    String rectification = jdbc.queryForObject("select rectification_pi from pf_lm_case where process_instance_id = ?",
        String.class, pi);
    assertThat(rectification).isNotNull();
    assertThat(runtime.getVariable(rectification, "source")).isEqualTo("民主生活会");
    assertThat(runtime.getVariable(rectification, "roundName")).isEqualTo(year + "年度民主生活会");
    assertThat(runtime.getVariable(rectification, "problems").toString()).contains("落实意识形态工作责任制不到位");
    Task register = tasks.createTaskQuery().processInstanceId(rectification).singleResult();
    assertThat(tasks.createTaskQuery().taskId(register.getId()).taskCandidateGroup("rmyy.orgdept").count())
        .isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
        .isEqualTo(LeadershipMeeting.END);

    String page = http.withBasicAuth("rmyy_shuji", "demo").getForObject("/leadership-meeting/cases/" + pi,
        String.class);
    assertThat(page).contains("应到4人，实到3人").contains("县卫生健康局党组 袁志国").contains("王建国").contains("吴芳")
        .contains("缺席").contains("已办结，问题清单已移交整改").contains(register.getName()).contains("赵志强")
        .contains("袁志国").doesNotContain("rmyy_zzb").doesNotContain("P001");
    assertThat(http.withBasicAuth("nk_shuji", "demo").getForEntity("/leadership-meeting/cases/" + pi, String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void anEarlierMeetingIsRecordedOnlyOnceTheHigherLevelApprovedTheChangedDay() {
    assertThat(post("rmyy_zzb", Map.of("year", String.valueOf(year)))).contains("已发起");
    String pi = jdbc.queryForObject("select process_instance_id from pf_lm_case where org_id = ? and meeting_year = ?",
        String.class, ORG, year);
    String page = "/leadership-meeting/cases/" + pi;
    String change = page + "/date-change";
    assertThat(complete("rmyy_zzb", task(pi, LeadershipMeeting.DRAFT_PLAN), plan(held)).getStatusCode().value())
        .isEqualTo(204);
    assertThat(WebSession.open(http, "rmyy_zzb", page).submit(change, Map.of("newDate", today.toString(),
        "reason", "巡察组进驻前召开"))).contains("方案经上级同意后才能申请改期");
    assertThat(complete("wjj_shuji", task(pi, LeadershipMeeting.REVIEW_PLAN), "{\"decision\":{\"value\":"
        + "\"APPROVE\"}}").getStatusCode().value()).isEqualTo(204);
    assertThat(complete("rmyy_zzb", task(pi, LeadershipMeeting.PREPARE), preparation(6)).getStatusCode().value())
        .isEqualTo(204);

    assertThat(WebSession.open(http, "rmyy_fgld", page).submit(change, Map.of("newDate", today.toString(),
        "reason", "巡察组进驻前召开"))).contains("只有县人民医院党委的书记或组织部门干事可以申请提前或推迟召开民主生活会");
    WebSession unit = WebSession.open(http, "rmyy_zzb", page);
    assertThat(unit.page()).contains("date-change-submit");
    assertThat(unit.submit(change, Map.of("newDate", today.toString(), "reason", " "))).contains("请写明改期的理由");
    assertThat(unit.submit(change, Map.of("newDate", today.minusDays(1).toString(), "reason", "巡察组进驻前召开")))
        .contains("早于今天");
    assertThat(jdbc.queryForObject("select count(*) from pf_lm_date_change where process_instance_id = ?",
        Integer.class, pi)).isZero();
    assertThat(unit.submit(change, Map.of("newDate", today.toString(), "reason", "巡察组进驻前召开")))
        .contains("改期申请已报上级党组织审批").contains(held + " 提前到 " + today).contains("待上级审批");
    assertThat(unit.submit(change, Map.of("newDate", today.plusDays(1).toString(), "reason", "再提前")))
        .contains("上级党组织尚未答复");

    Task refusal = task(pi, LeadershipMeeting.REVIEW_DATE_CHANGE);
    assertThat(refusal.getName()).isEqualTo("审批县人民医院党委" + year + "年度民主生活会提前召开");
    assertThat(complete("rmyy_zzb", refusal, "{\"dateChangeDecision\":{\"value\":\"APPROVE\"}}").getStatusCode()
        .value()).as("the 党委 does not approve its own change").isEqualTo(403);
    assertThat(complete("wjj_shuji", refusal, "{\"dateChangeDecision\":{\"value\":\"REFUSE\"},"
        + "\"dateChangeOpinion\":{\"value\":\"按原计划召开\"}}").getStatusCode().value()).isEqualTo(204);
    Task meeting = task(pi, LeadershipMeeting.HOLD_MEETING);
    assertThat(complete("rmyy_zzb", meeting, meeting(List.of("P001", "P002", "P005"), today)).getBody())
        .contains("早于上级同意的拟召开日期" + held).contains("提前召开须经上级党组织批准");

    assertThat(WebSession.open(http, "rmyy_shuji", page).submit(change, Map.of("newDate", today.toString(),
        "reason", "上级巡察组下周进驻，需提前召开"))).contains("改期申请已报上级党组织审批");
    assertThat(complete("wjj_shuji", task(pi, LeadershipMeeting.REVIEW_DATE_CHANGE), "{\"dateChangeDecision\":"
        + "{\"value\":\"APPROVE\"}}").getStatusCode().value()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select planned_date from pf_lm_case where process_instance_id = ?",
        java.sql.Date.class, pi).toLocalDate()).isEqualTo(today);
    assertThat(complete("rmyy_zzb", meeting, meeting(List.of("P001", "P002", "P005"), today)).getStatusCode().value())
        .isEqualTo(204);

    String shown = http.withBasicAuth("rmyy_shuji", "demo").getForObject(page, String.class);
    assertThat(shown).contains("不同意").contains("按原计划召开").contains("上级巡察组下周进驻，需提前召开")
        .contains("上级党组织同意改期：拟召开日期由" + held + "改为" + today).contains("袁志国").contains("王建国")
        .doesNotContain("date-change-submit");
    String audit = http.withBasicAuth("rmyy_jiwei", "demo").getForObject("/audit/cases/" + pi, String.class);
    assertThat(audit).contains("审批县人民医院党委" + year + "年度民主生活会提前召开").contains("按原计划召开");
  }

  private String plan(LocalDate planned) {
    return "{\"theme\":{\"value\":\"深刻领悟两个确立的决定性意义\"},\"plan\":{\"value\":\"学习研讨、征求意见、谈心谈话\"},"
        + "\"plannedDate\":{\"value\":\"" + planned + "\"}}";
  }

  private String preparation(int pairs) {
    StringBuilder talks = new StringBuilder("[");
    int n = 0;
    for (int i = 0; i < MEMBERS.size(); i++) {
      for (int j = i + 1; j < MEMBERS.size(); j++) {
        if (n++ < pairs) {
          talks.append(talks.length() > 1 ? "," : "").append("{\"first\":\"").append(MEMBERS.get(i))
              .append("\",\"second\":\"").append(MEMBERS.get(j)).append("\",\"talkDate\":\"").append(today)
              .append("\"}");
        }
      }
    }
    String materials = "[" + String.join(",", MEMBERS.stream().map(id -> "{\"submittedOn\":\"" + today + "\"}")
        .toList()) + "]";
    return "{\"opinionSources\":{\"value\":\"中层干部、党支部书记、职工代表\"},\"opinionCount\":{\"value\":36},"
        + "\"opinionSummary\":{\"value\":\"意见建议汇总\"},\"talks\":" + json(talks + "]") + ",\"materials\":"
        + json(materials) + "}";
  }

  private String meeting(List<String> present, LocalDate date) {
    String criticism = "[" + String.join(",", MEMBERS.stream().map(id -> "{\"selfCriticism\":\""
        + (present.contains(id) ? "理论学习不够深入" : "") + "\"}").toList()) + "]";
    return "{\"meetingDate\":{\"value\":\"" + date + "\"},\"presentMembers\":" + json("[\"" + String.join("\",\"",
        present) + "\"]") + ",\"absenceReasons\":{\"value\":\"吴芳因公出差\"},\"observer\":{\"value\":\"县卫生健康局党组 "
        + "袁志国\"},\"criticism\":" + json(criticism) + ",\"problems\":"
        + json("[{\"problem\":\"落实意识形态工作责任制不到位\",\"clause\":\"职工代表意见\"}]") + "}";
  }

  private static String json(String value) {
    return "{\"value\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"type\":\"Json\"}";
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private Task task(String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  private ResponseEntity<String> complete(String user, Task task, String variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + task.getId() + "/complete",
        HttpMethod.POST, new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
  }

  private String post(String user, Map<String, String> form) {
    return WebSession.open(http, user, "/leadership-meeting").submit("/leadership-meeting/" + ORG + "/start", form);
  }
}
