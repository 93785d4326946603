package cn.partyflow.reelection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.WebSession;
import cn.partyflow.organization.IdentitySync;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * 外科党支部 (3 full members: 韩磊 P030 书记, 冯婷 P031 组织委员, 曹丹 P032) re-elects its 书记 on PostgreSQL, over HTTP
 * as its officers and the 党委's 组织部门 do it. Once the result is approved, the registry holds 冯婷 as 书记 and a task
 * created afterwards for the branch's 书记 is offered to her and no longer to 韩磊, without a redeploy.
 */
@PostgresTest
class ReElectionScenarioTest {

  private static final String BRANCH = "rmyy-wk";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentitySync identitySync;
  @Autowired TermStore store;

  LocalDate termBefore;

  @BeforeEach
  void rememberTheTerm() {
    termBefore = store.term(BRANCH).map(TermStore.Term::termEnd).orElse(null);
  }

  @AfterEach
  void restoreTheBranch() {
    runtime.createProcessInstanceQuery().processDefinitionKey(ReElection.PROCESS_KEY).processInstanceBusinessKey(BRANCH)
        .list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
    history.createHistoricProcessInstanceQuery().processDefinitionKey(ReElection.PROCESS_KEY)
        .processInstanceBusinessKey(BRANCH).list().forEach(h -> history.deleteHistoricProcessInstance(h.getId()));
    String cases = "(select process_instance_id from pf_re_case where org_id = '" + BRANCH + "')";
    String meetings = "(select id from pf_re_meeting where process_instance_id in " + cases + ")";
    jdbc.update("delete from pf_re_vote where meeting_id in " + meetings);
    jdbc.update("delete from pf_re_attendee where meeting_id in " + meetings);
    jdbc.update("delete from pf_re_meeting where process_instance_id in " + cases);
    jdbc.update("delete from pf_re_event where process_instance_id in " + cases);
    jdbc.update("delete from pf_re_case where org_id = ?", BRANCH);
    jdbc.update("delete from pf_re_term_change where org_id = ?", BRANCH);
    jdbc.update("delete from pf_re_term where org_id = ?", BRANCH);
    if (termBefore != null) {
      store.setTerm(BRANCH, termBefore, null, null);
    }
    jdbc.update("delete from pf_role_assignment where org_id = ? and role in ('SECRETARY', 'ORGANIZER')", BRANCH);
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P030', 'SECRETARY')", BRANCH);
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P031', 'ORGANIZER')", BRANCH);
    identitySync.sync();
  }

  @Test
  void aCompletedElectionRoutesTheNextSecretaryTaskToTheNewSecretary() {
    // The branch's 书记 asks for the 换届 on /re-election: the menu leads there; a 党费管理员 has nothing to do there.
    assertThat(http.withBasicAuth("wk_shuji", "demo").getForObject("/api/menu", String.class))
        .contains("\"href\":\"/re-election\"");
    assertThat(http.withBasicAuth("wk_dangfei", "demo").getForObject("/api/menu", String.class))
        .doesNotContain("/re-election");
    assertThat(post("wk_dangfei", "/re-election/rmyy-wk/start", Map.of("type", "ELECTION", "reason", "任期届满")))
        .contains("只有县人民医院外科党支部的书记、副书记");
    assertThat(post("wk_shuji", "/re-election/rmyy-wk/start", Map.of("type", "ELECTION", "reason",
        "本届任期即将届满，拟召开党员大会进行换届选举"))).contains("已向上级党组织报送");
    String pi = runtime.createProcessInstanceQuery().processDefinitionKey(ReElection.PROCESS_KEY)
        .processInstanceBusinessKey(BRANCH).singleResult().getId();
    assertThat(post("wk_shuji", "/re-election/rmyy-wk/start", Map.of("type", "ELECTION", "reason", "再报一次")))
        .contains("已有进行中的换届事项");

    assertThat(complete("wk_shuji", task(pi, ReElection.REPLY), "{\"decision\":{\"value\":\"APPROVE\"}}")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(complete("rmyy_zzb", task(pi, ReElection.REPLY), "{\"decision\":{\"value\":\"APPROVE\"}}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(complete("wk_shuji", task(pi, ReElection.NOMINATE), "{\"seats\":{\"value\":1},\"candidates\":"
        + json("[{\"personId\":\"P031\"}]") + "}").getBody()).contains("差额选举").contains("至少2名");
    assertThat(complete("wk_shuji", task(pi, ReElection.NOMINATE), "{\"seats\":{\"value\":1},\"candidates\":"
        + json("[{\"personId\":\"P031\"},{\"personId\":\"P035\"}]") + "}").getBody())
        .as("a probationary member is not among the candidates the form offers").contains("候选人只能是");
    assertThat(complete("wk_shuji", task(pi, ReElection.NOMINATE), "{\"seats\":{\"value\":1},\"candidates\":"
        + json("[{\"personId\":\"P031\"},{\"personId\":\"P030\"}]") + "}").getStatusCode().value()).isEqualTo(204);
    assertThat(complete("rmyy_zzb", task(pi, ReElection.REVIEW_CANDIDATES), "{\"decision\":{\"value\":\"APPROVE\"}}")
        .getStatusCode().value()).isEqualTo(204);

    Task election = task(pi, ReElection.HOLD_ELECTION);
    String today = LocalDate.now(cn.partyflow.shared.ChinaClock.ZONE).toString();
    ResponseEntity<String> twoOfThree = complete("wk_shuji", election, "{\"electionDate\":{\"value\":\"" + today
        + "\"},\"presentMembers\":" + json("[\"P030\",\"P031\"]") + ",\"votes\":"
        + json("[{\"personId\":\"P031\",\"votes\":2},{\"personId\":\"P030\",\"votes\":0}]") + "}");
    assertThat(twoOfThree.getBody()).contains("未超过应到会人数3人的五分之四");
    assertThat(store.meetings(pi)).isEmpty();
    assertThat(complete("wk_shuji", election, "{\"electionDate\":{\"value\":\"" + today + "\"},\"presentMembers\":"
        + json("[\"P030\",\"P031\",\"P032\"]") + ",\"votes\":"
        + json("[{\"personId\":\"P031\",\"votes\":3},{\"personId\":\"P030\",\"votes\":0}]") + "}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(complete("wk_shuji", task(pi, ReElection.REPORT), "{\"secretaryId\":{\"value\":\"P031\"}}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(identity.createUserQuery().memberOfGroup("rmyy-wk.secretary").list()).extracting(u -> u.getId())
        .containsExactly("wk_shuji");
    assertThat(complete("rmyy_zzb", task(pi, ReElection.APPROVE_RESULT), "{\"decision\":{\"value\":\"APPROVE\"}}")
        .getStatusCode().value()).isEqualTo(204);

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
        .isEqualTo(ReElection.END_ELECTED);
    assertThat(identity.createUserQuery().memberOfGroup("rmyy-wk.secretary").list()).extracting(u -> u.getId())
        .containsExactly("wk_zuzhi");
    assertThat(store.term(BRANCH).orElseThrow().termEnd())
        .isEqualTo(cn.partyflow.shared.ChinaClock.today().plusYears(3));

    // A new case's task for the branch's 书记 now goes to 冯婷.
    assertThat(post("wk_zuzhi", "/re-election/rmyy-wk/start", Map.of("type", "ELECTION", "reason", "补选委员")))
        .contains("已向上级党组织报送");
    String next = runtime.createProcessInstanceQuery().processDefinitionKey(ReElection.PROCESS_KEY)
        .processInstanceBusinessKey(BRANCH).singleResult().getId();
    assertThat(complete("rmyy_zzb", task(next, ReElection.REPLY), "{\"decision\":{\"value\":\"APPROVE\"}}")
        .getStatusCode().value()).isEqualTo(204);
    Task nominate = task(next, ReElection.NOMINATE);
    assertThat(tasks.createTaskQuery().taskId(nominate.getId()).taskCandidateUser("wk_zuzhi").count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(nominate.getId()).taskCandidateUser("wk_shuji").count()).isZero();

    String record = http.withBasicAuth("rmyy_zzb", "demo").getForObject("/re-election/cases/" + pi, String.class);
    assertThat(record).contains("应到会有选举权的党员<span class=\"entitled\">3</span>人")
        .contains("韩磊、冯婷、曹丹").contains("当选");
    assertThat(http.withBasicAuth("nk_shuji", "demo").getForEntity("/re-election/cases/" + pi, String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aTermRegisteredAboveIsPostponedOnlyWithTheHigherApprovalAndByAtMostAYear() {
    LocalDate end = cn.partyflow.shared.ChinaClock.today().plusMonths(3);
    assertThat(post("wk_shuji", "/re-election/rmyy-wk/term", Map.of("termEnd", end.toString())))
        .contains("任期届满日期由上级党委的组织部门或系统管理员登记");
    assertThat(post("rmyy_zzb", "/re-election/rmyy-wk/term", Map.of("termEnd", end.toString())))
        .contains("已登记县人民医院外科党支部本届任期届满日期" + end);
    assertThat(store.term(BRANCH).orElseThrow().termEnd()).isEqualTo(end);

    assertThat(post("wk_shuji", "/re-election/rmyy-wk/start", Map.of("type", "POSTPONE", "reason", "医院搬迁",
        "newTermEnd", end.plusMonths(13).toString()))).contains("不超过1年");
    assertThat(store.openCase(BRANCH)).isEmpty();
    assertThat(post("wk_shuji", "/re-election/rmyy-wk/start", Map.of("type", "POSTPONE", "reason", "医院搬迁",
        "newTermEnd", end.plusMonths(6).toString()))).contains("延期换届的请示");
    String pi = store.openCase(BRANCH).orElseThrow().processInstanceId();
    assertThat(store.term(BRANCH).orElseThrow().termEnd()).as("unchanged until approved").isEqualTo(end);
    assertThat(complete("rmyy_zzb", task(pi, ReElection.APPROVE_TERM_CHANGE), "{\"decision\":{\"value\":\"APPROVE\"}}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(store.term(BRANCH).orElseThrow().termEnd()).isEqualTo(end.plusMonths(6));
    assertThat(store.termChanges(BRANCH)).first().satisfies(c -> {
      assertThat(c.kind()).isEqualTo("POSTPONE");
      assertThat(c.approvedBy()).isEqualTo("rmyy_zzb");
    });
    assertThat(store.openCase(BRANCH)).isEmpty();
  }

  private static String json(String value) {
    return "{\"value\":" + quote(value) + ",\"type\":\"Json\"}";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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

  /** Posts a page form as the user with the CSRF token of the user's session, and reads the page it leads to. */
  private String post(String user, String path, Map<String, String> form) {
    return WebSession.open(http, user, "/re-election").submit(path, form);
  }
}
