package cn.partyflow.dutyreview;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.WebSession;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.shared.ChinaClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/**
 * 县人民医院党委's 组织部门干事 (赵志强) holds this year's 述职评议 on PostgreSQL, over HTTP as its people do it: 陈静
 * (内科党支部) and 韩磊 (外科党支部) report, 王建国, 赵志强 and 周明 rate, each in their own 民主测评 task; the two problems raised for 陈静 open a
 * rectification case of source 述职评议 for 内科党支部, and next year's report shows where it stands.
 */
@PostgresTest
class DutyReviewScenarioTest {

  static final int YEAR = ChinaClock.today().getYear();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired DutyReviewService service;

  final List<String> rectificationCases = new ArrayList<>();

  @AfterEach
  void removeTheCases() {
    rectificationCases.addAll(jdbc.queryForList("select rectification_pi from pf_dr_reporter r join pf_dr_case c"
        + " on c.process_instance_id = r.process_instance_id where c.org_id = 'rmyy' and r.rectification_pi is not null",
        String.class));
    for (String pi : rectificationCases) {
      runtime.deleteProcessInstancesIfExists(List.of(pi), "test finished", true, true, true);
      if (history.createHistoricProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        history.deleteHistoricProcessInstance(pi);
      }
      String items = "select i.id from pf_rectification_item i join pf_rectification_case c on c.id = i.case_id"
          + " where c.process_instance_id = ?";
      jdbc.update("delete from pf_rectification_event where item_id in (" + items + ")", pi);
      jdbc.update("delete from pf_rectification_item where case_id in (select id from pf_rectification_case"
          + " where process_instance_id = ?)", pi);
      jdbc.update("delete from pf_rectification_case where process_instance_id = ?", pi);
    }
    runtime.createProcessInstanceQuery().processDefinitionKey(DutyReview.PROCESS_KEY).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
    history.createHistoricProcessInstanceQuery().processDefinitionKey(DutyReview.PROCESS_KEY).list()
        .forEach(h -> history.deleteHistoricProcessInstance(h.getId()));
    String reporters = "(select id from pf_dr_reporter)";
    jdbc.update("delete from pf_dr_vote where reporter_id in " + reporters);
    jdbc.update("delete from pf_dr_problem where reporter_id in " + reporters);
    jdbc.update("delete from pf_dr_reporter");
    jdbc.update("delete from pf_dr_event");
    jdbc.update("delete from pf_dr_case");
  }

  @Test
  void aReviewRatesEachSecretaryAndHandsTheProblemsOverAsARectificationCaseOfSourceDutyReview() {
    assertThat(start("rmyy_shuji", "P010", "P030")).contains("述职评议由县人民医院党委的组织部门干事发起");
    assertThat(start("rmyy_zzb")).contains("请至少选择一名述职的书记");
    assertThat(start("rmyy_zzb", "P010", "P030")).contains("已发起县人民医院党委" + YEAR + "年度书记抓基层党建述职评议");
    String pi = jdbc.queryForObject("select process_instance_id from pf_dr_case where org_id = 'rmyy' and year_no = ?",
        String.class, YEAR);
    assertThat(start("rmyy_zzb", "P010")).contains("已经发起，每个党委每年一次");

    Task nkReport = task(pi, DutyReview.SUBMIT_REPORT, "陈静");
    assertThat(complete("wk_shuji", nkReport, "{\"reportText\":{\"value\":\"代写\"}}").getStatusCode().value())
        .isEqualTo(403);
    done(complete("nk_shuji", nkReport, "{\"reportText\":{\"value\":\"本年度履行党建第一责任人职责……\"}}"));
    done(complete("wk_shuji", task(pi, DutyReview.SUBMIT_REPORT, "韩磊"),
        "{\"reportText\":{\"value\":\"外科党支部述职\"}}"));

    String today = ChinaClock.today().toString();
    assertThat(complete("rmyy_zzb", task(pi, DutyReview.RECORD_MEETING, ""), "{\"meetingDate\":{\"value\":\""
        + ChinaClock.today().plusDays(1) + "\"},\"attendees\":" + json("[\"P001\"]") + ",\"raters\":"
        + json("[\"P001\"]") + "}").getBody()).contains("不能晚于今天");
    done(complete("rmyy_zzb", task(pi, DutyReview.RECORD_MEETING, ""), "{\"meetingDate\":{\"value\":\"" + today
        + "\"},\"attendees\":" + json("[\"P001\",\"P003\",\"P005\",\"P010\",\"P030\"]") + ",\"raters\":"
        + json("[\"P001\",\"P003\",\"P005\"]") + "}"));

    Task ballot = ballotOf(pi, "rmyy_shuji");
    assertThat(complete("wk_shuji", ballot, ballot("好", "好")).getStatusCode().value()).isNotEqualTo(204);
    assertThat(complete("rmyy_shuji", ballot, ballot("好", "优")).getBody()).contains("测评等次只能是");
    assertThat(jdbc.queryForObject("select count(*) from pf_dr_vote", Integer.class)).isZero();
    done(complete("rmyy_shuji", ballot, ballot("好", "好")));
    done(complete("rmyy_zzb", ballotOf(pi, "rmyy_zzb"), ballot("较好", "好")));

    // While the ballot runs, the page grades by the votes cast so far and shows each open ballot's due date.
    String running = http.withBasicAuth("rmyy_shuji", "demo").getForObject("/duty-review/cases/" + pi, String.class);
    assertThat(running).contains("较好（测评中）").doesNotContain("未测评")
        .contains("期限 " + tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(DutyReview.CAST_BALLOT)
            .singleResult().getDueDate().toInstant().atZone(ChinaClock.ZONE).toLocalDate());
    // The rater cannot offer the ballot to a group (Tasklist's 添加用户组), nor hand it to somebody else.
    Task fgld = ballotOf(pi, "rmyy_fgld");
    assertThat(link("rmyy_fgld", fgld, "{\"groupId\":\"rmyy.orgdept\",\"type\":\"candidate\"}").getBody())
        .contains("不能手工增减办理组");
    assertThat(link("rmyy_fgld", fgld, "{\"userId\":\"rmyy_zzb\",\"type\":\"candidate\"}").getStatusCode()
        .is4xxClientError()).isTrue();
    assertThat(tasks.getIdentityLinksForTask(fgld.getId())).allMatch(l -> l.getGroupId() == null
        && "rmyy_fgld".equals(l.getUserId()));
    // 周明 left: only the 组织部门 closes the ballot early, with the reason; the two votes cast count.
    assertThat(closeBallot("rmyy_fgld", "不等了")).contains("只有县人民医院党委的组织部门干事可以提前截止民主测评");
    assertThat(closeBallot("rmyy_zzb", " ")).contains("提前截止民主测评须写明理由");
    assertThat(ballotOf(pi, "rmyy_fgld")).isNotNull();
    assertThat(closeBallot("rmyy_zzb", "周明已调离")).contains("民主测评已提前截止");
    assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(DutyReview.CAST_BALLOT).count())
        .isZero();
    assertThat(jdbc.queryForObject("select text from pf_dr_event where process_instance_id = ? and actor = 'rmyy_zzb'"
        + " and text like '提前截止%'", String.class, pi))
        .isEqualTo("提前截止民主测评：已投票2人，未投票1人（周明，不计入）；理由：周明已调离");
    assertThat(closeBallot("rmyy_zzb", "周明已调离")).contains("民主测评已经截止");

    Task nkReview = task(pi, DutyReview.REVIEW_SECRETARY, "陈静");
    assertThat(tasks.getVariable(nkReview.getId(), DutyReview.TALLY).toString()).contains("王建国：好")
        .contains("未投票（不计入）：周明").contains("综合评价“较好”");
    // Vote lines the 组织部门 sends after the ballot are not read: the ratings are the raters' own.
    done(complete("rmyy_zzb", nkReview, review("落实“三会一课”不够经常", "差", "差", "差",
        "[{\"problem\":\"三会一课落实不经常\",\"clause\":\"组织生活\"},{\"problem\":\"发展党员计划未完成\"}]")));
    done(complete("rmyy_zzb", task(pi, DutyReview.REVIEW_SECRETARY, "韩磊"),
        "{\"comment\":{\"value\":\"抓党建成效明显\"},\"problems\":" + json("[]") + "}"));
    assertThat(jdbc.queryForObject("select count(*) from pf_dr_vote where grade = '差'", Integer.class)).isZero();

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    String rectification = jdbc.queryForObject("select rectification_pi from pf_dr_reporter where process_instance_id"
        + " = ? and person_id = 'P010'", String.class, pi);
    rectificationCases.add(rectification);
    assertThat(jdbc.queryForObject("select rectification_pi from pf_dr_reporter where process_instance_id = ?"
        + " and person_id = 'P030'", String.class, pi)).isNull();
    assertThat(runtime.getVariable(rectification, "source")).isEqualTo(Rectification.DUTY_REPORT_REVIEW);
    assertThat(runtime.getVariable(rectification, "orgId")).isEqualTo("rmyy-nk");
    assertThat(runtime.getVariable(rectification, "feedbackDate")).isEqualTo(today);
    assertThat(runtime.getVariable(rectification, "problems").toString()).contains("三会一课落实不经常")
        .contains("发展党员计划未完成");
    assertThat(service.lastYear("rmyy-nk", YEAR + 1)).contains("陈静，综合评价“较好”，查摆问题2个")
        .contains("整改问题清单待组织部门登记");

    Task register = tasks.createTaskQuery().processInstanceId(rectification).singleResult();
    tasks.complete(register.getId(), Map.of("source", Rectification.DUTY_REPORT_REVIEW, "feedbackDate", today,
        "roundName", YEAR + "年度书记述职评议"));
    assertThat(service.lastYear("rmyy-nk", YEAR + 1)).contains("整改方案拟定：整改事项0项，已销号0项");

    String page = http.withBasicAuth("rmyy_shuji", "demo").getForObject("/duty-review/cases/" + pi, String.class);
    assertThat(page).contains("陈静").contains("韩磊").contains("较好").contains("王建国：好")
        .contains("三会一课落实不经常").contains("整改方案拟定").contains(today);
    // Each rater's ballot is a vote of that rater on the auditors' page (the form declares "record": "vote").
    String audit = http.withBasicAuth("rmyy_shenji", "demo").getForObject("/audit/cases/" + pi, String.class);
    assertThat(audit).contains("id=\"votes\"").contains("民主测评（王建国）").contains("组织部门提前截止测评")
        .contains("周明已调离");
    // The early close is the 组织部门干事's step, by name, not the system's.
    assertThat(audit).containsPattern("组织部门提前截止测评</span></td>\\s*<td class=\"actor\">赵志强（组织部门干事）</td>");
    // Steps by their names only (not the engine's 多实例 container), the case by its title, not its instance id.
    assertThat(audit).doesNotContain("多实例").doesNotContain(">" + pi + "<").doesNotContain("deleted")
        .contains("任务未办理即结束：由流程撤销（该环节已截止或被中断）")
        .contains("案卷：书记抓基层党建述职评议 · 县人民医院党委");
    String fairlyGood = http.withBasicAuth("rmyy_shuji", "demo").getForObject("/reports/figure?key=dutyreview.grade.1"
        + "&orgId=rmyy&year=" + YEAR, String.class);
    assertThat(fairlyGood).contains("陈静").contains("/duty-review/cases/" + pi).doesNotContain("韩磊");
    assertThat(http.withBasicAuth("rmyy_shuji", "demo").getForObject("/reports/figure?key=dutyreview.all&orgId=rmyy"
        + "&year=" + YEAR, String.class)).contains("陈静").contains("韩磊");
    assertThat(http.withBasicAuth("nk_shuji", "demo").getForEntity("/duty-review/cases/" + pi, String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  private String closeBallot(String user, String reason) {
    String pi = jdbc.queryForObject("select process_instance_id from pf_dr_case where org_id = 'rmyy'", String.class);
    return WebSession.open(http, user, "/duty-review/cases/" + pi).submit("/duty-review/cases/" + pi
        + "/close-ballot", Map.of("reason", reason));
  }

  private ResponseEntity<String> link(String user, Task task, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + task.getId() + "/identity-links",
        HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private static void done(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
  }

  private String review(String comment, String r1, String r2, String r3, String problems) {
    return "{\"comment\":{\"value\":\"" + comment.replace("\"", "\\\"") + "\"},\"votes\":" + json("[{\"raterId\":"
        + "\"P001\",\"grade\":\"" + r1 + "\"},{\"raterId\":\"P003\",\"grade\":\"" + r2 + "\"},{\"raterId\":\"P005\","
        + "\"grade\":\"" + r3 + "\"}]") + ",\"problems\":" + json(problems) + "}";
  }

  /** A rater's ballot as Tasklist submits it: a row per secretary, 陈静 (P010) then 韩磊 (P030). */
  private String ballot(String forNk, String forWk) {
    return "{\"ballot\":" + json("[{\"reporterId\":\"P010\",\"grade\":\"" + forNk + "\"},{\"reporterId\":"
        + "\"P030\",\"grade\":\"" + forWk + "\"}]") + "}";
  }

  private Task ballotOf(String pi, String login) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(DutyReview.CAST_BALLOT).taskAssignee(login)
        .singleResult();
  }

  private String start(String user, String... reporters) {
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("year", String.valueOf(YEAR));
    for (String r : reporters) {
      form.add("reporter", r);
    }
    return WebSession.open(http, user, "/duty-review").submit("/duty-review/rmyy/start", form);
  }

  private Task task(String pi, String key, String name) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list().stream()
        .filter(t -> t.getName().contains(name)).findFirst().orElseThrow();
  }

  private static String json(String value) {
    return "{\"value\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"type\":\"Json\"}";
  }

  private ResponseEntity<String> complete(String user, Task task, String variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + task.getId() + "/complete",
        HttpMethod.POST, new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
  }
}
