package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.WebSession;
import cn.partyflow.shared.ChinaClock;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 自行脱党除名 decided by the 党委 the way admissions are: two members of 外科党支部 paid nothing for six months and the
 * branch meeting decided to remove both. The 组织部门干事 cannot approve either in Tasklist alone; the 党委会研究 page
 * lists both beside the admissions, and one recorded 党委会 of 县人民医院党委 decides each by its own vote: the first
 * approved by a majority of the members entitled, the second not (with its reason). The case file shows meeting,
 * attendance and votes. Nobody else records a 党委会 for these cases: not a branch secretary, not another 党委's
 * 组织部门干事, and not a meeting of another 党委.
 */
@PostgresTest
class DuesRemovalCommitteeTest {

  static final String BRANCH = "rmyy-wk";
  static final String PAGE = "/member-development/committee-meetings";

  @Autowired TestRestTemplate http;
  @Autowired DuesArrearsService arrears;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  final String removed = "RM" + tag + "A";
  final String kept = "RM" + tag + "B";
  final LocalDate today = ChinaClock.today();

  @AfterEach
  void remove() {
    for (String person : List.of(removed, kept)) {
      for (String pi : jdbc.queryForList("select process_instance_id from pf_dues_arrears_case where person_id = ?",
          String.class, person)) {
        if (pi != null && runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
          runtime.deleteProcessInstance(pi, "test finished");
        }
      }
      jdbc.update("delete from pf_dues_arrears_case where person_id = ?", person);
      jdbc.update("delete from pf_dues_case_start where business_key like ?", "%:" + person + ":%");
      jdbc.update("delete from pf_dues_ledger where person_id = ?", person);
      jdbc.update("delete from pf_person where id = ?", person);
    }
  }

  @Test
  void theRemovalIsRefusedWithoutAMeetingAndDecidedByTheVoteOfARecordedMeeting() {
    String first = awaitingCommittee(removed, "除名甲" + tag);
    String second = awaitingCommittee(kept, "除名乙" + tag);
    String firstTask = approvalTask(first).getId();
    String secondTask = approvalTask(second).getId();

    ResponseEntity<String> alone = http.withBasicAuth("rmyy_zzb", "demo").postForEntity("/engine-rest/task/"
        + firstTask + "/submit-form", Map.of("variables", Map.of()), String.class);
    assertThat(alone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(alone.getBody()).contains("自行脱党除名须经支部大会讨论决定，报上级党委批准", "党委会集体讨论",
        "“党委会研究”页面", "不能单独办理");
    assertThat(approvalTask(first)).as("still open").isNotNull();
    assertThat(status(removed)).isEqualTo("DECIDED_REMOVE");

    WebSession zzb = WebSession.open(http, "rmyy_zzb", PAGE + "?committee=rmyy");
    assertThat(zzb.page()).contains("除名甲" + tag, "除名乙" + tag, "自行脱党除名（连续6个月未交党费）");

    Map<String, String> vote = meeting("rmyy", today.minusDays(1));
    decide(vote, secondTask, 2, 1, 1, null);
    String shown = zzb.shown(zzb.post(PAGE, encode(vote)), PAGE + "?committee=rmyy");
    assertThat(shown).as("a failed vote needs its reason").contains("未获批准：请填写不予批准的理由");
    Map<String, String> sentBack = meeting("rmyy", today.minusDays(1));
    decide(sentBack, firstTask, 0, 0, 0, "退回支部");
    sentBack.put("return." + firstTask, "on");
    shown = zzb.shown(zzb.post(PAGE, encode(sentBack)), PAGE + "?committee=rmyy");
    assertThat(shown).contains("自行脱党除名（连续6个月未交党费）由党委会表决批准或不予批准，不能退回党支部");
    assertThat(approvalTask(first)).as("nothing recorded while refused").isNotNull();
    assertThat(approvalTask(second)).isNotNull();

    decide(vote, firstTask, 3, 1, 0, null);
    decide(vote, secondTask, 2, 1, 1, "本人已说明长期外出情况，支部须进一步核实");
    shown = zzb.shown(zzb.post(PAGE, encode(vote)), PAGE + "?committee=rmyy");
    assertThat(shown).contains("除名甲" + tag + "赞成3票，批准", "除名乙" + tag + "赞成2票，不予批准");

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(first).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(first)
        .activityId("EndEvent_RemovalApproved").count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(second)
        .activityId("EndEvent_RemovalNotApproved").count()).isEqualTo(1);
    Map<String, Object> approvedCase = jdbc.queryForMap("select status, approval_date, approval_decision"
        + " from pf_dues_arrears_case where person_id = ? and kind = 'WITHDRAWAL'", removed);
    assertThat(approvedCase.get("status")).isEqualTo("APPROVED");
    assertThat(approvedCase.get("approval_date")).isEqualTo(Date.valueOf(today.minusDays(1)));
    assertThat((String) approvedCase.get("approval_decision")).contains("应到委员4人，实到4人", "赞成3票，反对1票", "批准除名");
    assertThat(status(kept)).isEqualTo("NOT_APPROVED");
    assertThat(jdbc.queryForObject("select status from pf_person where id = ?", String.class, removed))
        .as("the system removes nobody").isEqualTo("FULL_MEMBER");

    String caseFile = http.withBasicAuth("rmyy_jiwei", "demo").getForObject("/audit/cases/" + first, String.class);
    assertThat(caseFile).contains("党委会表决记录", "县人民医院党委党委会（" + today.minusDays(1) + "）",
        "应到委员4人，实到4人", "赞成3票，反对1票，弃权0票；结论：批准");
  }

  @Test
  void onlyTheCommitteesOwnOrganizationDepartmentRecordsItsMeeting() {
    String pi = awaitingCommittee(removed, "除名丙" + tag);
    String task = approvalTask(pi).getId();
    Map<String, String> vote = meeting("rmyy", today);
    decide(vote, task, 4, 0, 0, null);

    WebSession secretary = WebSession.open(http, "wk_shuji", "/organizational-life/" + BRANCH + "/record");
    assertThat(secretary.csrf()).isNotEmpty();
    assertThat(http.withBasicAuth("wk_shuji", "demo").getForEntity(PAGE, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bySecretary = secretary.post(PAGE, encode(vote));
    assertThat(bySecretary.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(bySecretary.getBody()).doesNotContain("CSRF");

    WebSession other = WebSession.open(http, "zyy_zzb", PAGE);
    assertThat(other.page()).contains("县中医院党委").doesNotContain("除名丙" + tag);
    assertThat(http.withBasicAuth("zyy_zzb", "demo").getForEntity(PAGE + "?committee=rmyy", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> forRmyy = other.post(PAGE, encode(vote));
    assertThat(forRmyy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forRmyy.getBody()).doesNotContain("CSRF");

    Map<String, String> zyyMeeting = meeting("zyy", today);
    decide(zyyMeeting, task, 1, 0, 0, null);
    String shown = other.shown(other.post(PAGE, encode(zyyMeeting)), PAGE + "?committee=zyy");
    assertThat(shown).contains("所选对象不在本党委待审批的名单中");

    assertThat(approvalTask(pi)).as("no meeting decided it").isNotNull();
    assertThat(status(removed)).isEqualTo("DECIDED_REMOVE");
    assertThat(jdbc.queryForObject("select count(*) from pf_committee_decision where process_instance_id = ?",
        Integer.class, pi)).isZero();
  }

  /** A member of 外科党支部 with six months unpaid, whose branch meeting decided removal: at the 党委's approval. */
  private String awaitingCommittee(String person, String name) {
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, full_member_date) values"
        + " (?, ?, ?, ?, ?, ?, ?)", person, name, "男", Date.valueOf("1980-01-01"), "FULL_MEMBER", BRANCH,
        Date.valueOf("2005-07-01"));
    for (String period : List.of("2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06")) {
      jdbc.update("insert into pf_dues_ledger (branch_id, period, person_id, base, due, paid) values (?, ?, ?, ?, ?, ?)",
          BRANCH, period, person, new BigDecimal("5000.00"), new BigDecimal("50.00"), BigDecimal.ZERO);
    }
    arrears.check(BRANCH, "2020-06");
    String pi = jdbc.queryForObject("select process_instance_id from pf_dues_arrears_case where person_id = ? and"
        + " kind = 'WITHDRAWAL'", String.class, person);
    Task meeting = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_BranchMeetingDecision")
        .singleResult();
    tasks.complete(meeting.getId(), Map.of("meetingDate", today.minusDays(10).toString(), "removalDecided", true,
        "meetingDecision", "经调查无正当理由，支部大会表决同意按自行脱党除名"));
    return pi;
  }

  private Task approvalTask(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_CommitteeApproval").singleResult();
  }

  private String status(String person) {
    return jdbc.queryForObject("select status from pf_dues_arrears_case where person_id = ? and kind = 'WITHDRAWAL'",
        String.class, person);
  }

  /** The meeting's part of the page's form: every entitled member of the committee present. */
  private Map<String, String> meeting(String committee, LocalDate date) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("committee", committee);
    form.put("meetingDate", date.toString());
    form.put("minutes", "研究支部报批的自行脱党除名，逐个表决");
    for (String member : jdbc.queryForList("select distinct person_id from pf_role_assignment where org_id = ? and"
        + " role in ('SECRETARY', 'DEPUTY_SECRETARY', 'PARTY_COMMITTEE')", String.class, committee)) {
      form.put("attendance." + member, "PRESENT");
    }
    return form;
  }

  private static void decide(Map<String, String> form, String task, int votesFor, int against, int abstain,
      String opinion) {
    form.put("decide." + task, "on");
    form.put("for." + task, String.valueOf(votesFor));
    form.put("against." + task, String.valueOf(against));
    form.put("abstain." + task, String.valueOf(abstain));
    if (opinion != null) {
      form.put("opinion." + task, opinion);
    }
  }

  private static String encode(Map<String, String> form) {
    List<String> pairs = new ArrayList<>();
    form.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return pairs.stream().collect(Collectors.joining("&"));
  }
}
