package cn.partyflow.organizationallife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.WebSession;
import cn.partyflow.organizationallife.LifeMeetingRules.FollowUpStatus;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * 外科党支部's 2026 组织生活会 on PostgreSQL, over HTTP as its 组织委员 does it: started from the branch's page (not
 * by its 党费管理员), the preparation recorded, the meeting with 曹丹 graded 不合格 by the 支部大会 and two problems
 * found; the problems become a rectification case with source 组织生活会; the branch decides 限期改正, the 党委's
 * 组织部门 returns it once and approves it the second time; the branch's page shows the grades and the follow-up.
 */
@PostgresTest
class LifeMeetingScenarioTest {

  private static final String BRANCH = "rmyy-wk";
  private static final String PAGE = "/organizational-life/rmyy-wk/life-meeting";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired LifeMeetingStore store;

  private final Map<String, WebSession> sessions = new java.util.HashMap<>();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identity.clearAuthentication();
    store.find(BRANCH, 2026).map(LifeMeetingStore.Case::rectificationInstanceId).ifPresent(this::deleteCase);
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(LifeMeeting.businessKey(BRANCH, 2026)).list()
        .forEach(p -> deleteCase(p.getId()));
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(LifeMeeting.businessKey(BRANCH, 2026))
        .list().forEach(h -> history.deleteHistoricProcessInstance(h.getId()));
    store.deleteCase(BRANCH, 2026);
  }

  @Test
  void aBranchsMeetingGradesAMemberUnqualifiedWhoseCorrectionIsReturnedThenApprovedAndItsProblemsAreRectified() {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(2026, 11, 25, 10, 0)));
    assertThat(post("wk_dangfei", PAGE + "/start", Map.of("year", "2026"))).doesNotContain("已发起");
    assertThat(store.find(BRANCH, 2026)).isEmpty();
    assertThat(post("wk_zuzhi", PAGE + "/start", Map.of("year", "2026"))).contains("已发起2026年度组织生活会");
    assertThat(post("wk_shuji", PAGE + "/start", Map.of("year", "2026")))
        .contains("县人民医院外科党支部2026年度组织生活会已经发起，每个党支部每年一次");

    MultiValueMap<String, String> prep = form("studyOn", "2026-11-10", "studyContent", "学习党的二十届四中全会精神",
        "opinionsOn", "2026-11-12", "opinionsSummary", "向科室群众征求意见", "opinionCount", "6",
        "talker_0", "P030", "partner_0", "P032", "talkedOn_0", "2026-11-14",
        "exam_P030", "SUBMITTED", "exam_P031", "SUBMITTED", "exam_P032", "SUBMITTED", "exam_P035", "NOTED");
    assertThat(post("wk_zuzhi", PAGE + "/preparation", prep)).contains("曾凯的对照检查").contains("未提交的请注明原因");
    prep.add("examNote_P035", "病假，会后补交");
    assertThat(post("wk_zuzhi", PAGE + "/preparation", prep)).contains("已登记会前准备");

    MultiValueMap<String, String> meeting = form("heldOn", "2026-11-20", "chairId", "P030",
        "observer", "县人民医院党委组织部 周干事", "criticism", "书记带头，逐一开展批评和自我批评",
        "problems", "学习制度落实不经常\n谈心谈话覆盖不全",
        "att_P030", "PRESENT", "att_P031", "PRESENT", "att_P032", "PRESENT", "att_P035", "PRESENT",
        "grade_P030", "优秀", "votes_P030_0", "3", "grade_P031", "合格", "votes_P031_1", "3",
        "grade_P032", "不合格", "votes_P032_3", "1", "votes_P032_2", "2");
    assertThat(post("wk_zuzhi", PAGE + "/meeting", meeting)).contains("曹丹评为不合格须经支部大会超过应到会有表决权党员半数同意");
    assertThat(store.members(BRANCH, 2026)).allMatch(m -> m.grade() == null);
    meeting.set("votes_P032_3", "2");
    meeting.set("votes_P032_2", "1");
    assertThat(post("wk_dangfei", PAGE + "/meeting", meeting)).doesNotContain("已登记");
    assertThat(store.members(BRANCH, 2026)).allMatch(m -> m.grade() == null);
    String branchPage = post("wk_zuzhi", PAGE + "/meeting", meeting);
    assertThat(branchPage).contains("已登记组织生活会和民主评议结果，查摆的2个问题已转为整改案件")
        .contains("id=\"lm-grade-P032\"").contains("不合格党员处置中");

    LifeMeetingStore.Case c = store.find(BRANCH, 2026).orElseThrow();
    assertThat(c.votingEntitled()).isEqualTo(3);
    assertThat(runtime.getVariable(c.rectificationInstanceId(), "source")).isEqualTo("组织生活会");
    assertThat(runtime.getVariable(c.rectificationInstanceId(), "roundName")).isEqualTo("2026年度组织生活会");
    assertThat(runtime.getVariable(c.rectificationInstanceId(), "problems").toString()).contains("谈心谈话覆盖不全");

    Task decide = task(c, LifeMeeting.DECIDE_DISPOSITION);
    assertThat(decide.getName()).isEqualTo("县人民医院外科党支部：支部大会决定对曹丹的组织处置");
    Map<String, Object> correction = Map.of("disposition", "CORRECTION", "decidedOn", "2026-11-24",
        "correctionDue", "2027-05-24", "votesFor", 2L, "votesAgainst", 0L, "votesAbstain", 0L,
        "dispositionReason", "全年三次无故不参加组织生活");
    completeAs("wk_zuzhi", decide, correction);
    Task approve = task(c, LifeMeeting.APPROVE_DISPOSITION);
    assertThat(tasks.getIdentityLinksForTask(approve.getId())).anyMatch(l -> "rmyy.orgdept".equals(l.getGroupId()));
    completeAs("rmyy_zzb", approve, Map.of(LifeMeeting.APPROVAL, "RETURN", "approvalOpinion", "请写明教育谈话情况"));
    assertThat(store.followUps(BRANCH, 2026)).singleElement().extracting(LifeMeetingStore.FollowUp::status)
        .isEqualTo(FollowUpStatus.DECIDING);
    completeAs("wk_zuzhi", task(c, LifeMeeting.DECIDE_DISPOSITION), correction);
    completeAs("rmyy_zzb", task(c, LifeMeeting.APPROVE_DISPOSITION), Map.of(LifeMeeting.APPROVAL, "APPROVE",
        "approvalOpinion", "同意限期改正"));

    assertThat(store.find(BRANCH, 2026).orElseThrow().status()).isEqualTo(LifeMeetingStore.Status.CLOSED);
    String page = http.withBasicAuth("wk_shuji", "demo").getForObject("/organizational-life/rmyy-wk?year=2026",
        String.class);
    assertThat(page).contains("id=\"lm-follow-up-P032\"").contains("限期改正").contains("上级党委已批准")
        .contains("id=\"lm-rectification\"");
    String audit = http.withBasicAuth("rmyy_jiwei", "demo").getForObject("/audit/cases/" + c.processInstanceId(),
        String.class);
    jdbc.update("delete from pf_audit_access_log where process_instance_id = ?", c.processInstanceId());
    assertThat(audit).contains("民主评议表决情况").contains("曹丹：不合格（优秀0票、合格0票、基本合格1票、不合格2票）")
        .contains("同意票");
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList());
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task task(LifeMeetingStore.Case c, String key) {
    return tasks.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(key).singleResult();
  }

  private void deleteCase(String processInstanceId) {
    if (processInstanceId == null) {
      return;
    }
    runtime.deleteProcessInstancesIfExists(List.of(processInstanceId), "test finished", true, true, true);
    if (history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      history.deleteHistoricProcessInstance(processInstanceId);
    }
    jdbc.update("delete from pf_rectification_item where case_id in (select id from pf_rectification_case"
        + " where process_instance_id = ?)", processInstanceId);
    jdbc.update("delete from pf_rectification_case where process_instance_id = ?", processInstanceId);
  }

  private String post(String user, String path, Map<String, String> form) {
    return session(user).submit(path, form);
  }

  private String post(String user, String path, MultiValueMap<String, String> form) {
    return session(user).submit(path, form);
  }

  private WebSession session(String user) {
    return sessions.computeIfAbsent(user, u -> WebSession.open(http, u, "/organizational-life/rmyy-wk"));
  }

  private static MultiValueMap<String, String> form(String... pairs) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("year", "2026");
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return form;
  }
}
