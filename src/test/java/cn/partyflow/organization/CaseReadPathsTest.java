package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case is read by the groups of its organization and of the organizations above it, each group holding the role
 * holders of its own organization only; the grants follow an organization that moves, and a database from before
 * (groups holding every organization below) is brought over once.
 */
@PostgresTest
class CaseReadPathsTest {

  @Autowired OrganizationImport imports;
  @Autowired IdentitySync identitySync;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired ApplicationContext context;

  final TestData made = new TestData();

  @BeforeEach
  void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("branchErrand").count() == 0) {
      repository.createDeployment().addClasspathResource("test-processes/branch-errand.bpmn").deploy();
    }
  }

  @AfterEach
  void remove() {
    made.remove(context);
  }

  @Test
  void aLeaderIsInTheGroupOfHisOwnOrganizationOnlyAndReadsTheCasesBelowThroughTheirGrants() {
    assertThat(members("rmyy")).contains("rmyy_shuji", "rmyy_zzb").doesNotContain("nk_shuji", "wjj_shuji");
    assertThat(members("rmyy-nk")).contains("nk_shuji").doesNotContain("rmyy_shuji", "rmyy_zzb");
    assertThat(identity.createGroupQuery().groupMember("wjj_shuji").groupType(Groups.TYPE_SCOPE).count())
        .isEqualTo(1);

    String caseId = start("rmyy-nk");

    for (String reader : List.of("nk_shuji", "rmyy_zzb", "rmyy_shuji", "wjj_shuji")) {
      assertThat(readsCase(reader, caseId)).as(reader).isTrue();
    }
    for (String stranger : List.of("wk_shuji", "zyy_zzb", "zyy_shuji")) {
      assertThat(readsCase(stranger, caseId)).as(stranger).isFalse();
    }
    // The task: its unit's leaders read it; the 党组 above the unit does not (its tool is the dashboard).
    assertThat(readsTask("rmyy_shuji", caseId)).isTrue();
    assertThat(readsTask("wjj_shuji", caseId)).isFalse();
  }

  @Test
  void theCasesOfAnOrganizationThatMovesFollowIt() {
    made.organization("mv-zb");
    importOrganization("mv-zb,rmyy,党支部,迁移测试党支部,否");
    String caseId = start("mv-zb");
    assertThat(readsCase("rmyy_zzb", caseId)).isTrue();
    assertThat(readsCase("zyy_zzb", caseId)).isFalse();
    // The new branch has no 党员 role holders yet: its task goes to the 党委's 书记, and its 分管领导 reads it.
    assertThat(readsTask("rmyy_fgld", caseId)).isTrue();

    importOrganization("mv-zb,zyy,党支部,迁移测试党支部,否");

    assertThat(readsCase("zyy_zzb", caseId)).isTrue();
    assertThat(readsCase("rmyy_zzb", caseId)).isFalse();
    assertThat(readsCase("wjj_shuji", caseId)).isTrue();
    assertThat(readsTask("zyy_shuji", caseId)).isTrue();
    assertThat(readsTask("rmyy_fgld", caseId)).isFalse();
  }

  @Test
  void aDatabaseFromBeforeIsBroughtOverOnce() {
    String caseId = start("rmyy-nk");
    String taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    // As the groups were: the case granted to its own organization's group only, the task to every leader above.
    jdbc.update("delete from act_ru_authorization where resource_id_ = ? and group_id_ <> 'rmyy-nk'", caseId);
    jdbc.update("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
        + " values ('old-upper-read', 1, 1, 'wjj.secretary', 7, ?, 2)", taskId);
    jdbc.update("delete from pf_case_read_path");
    assertThat(readsCase("rmyy_zzb", caseId)).isFalse();
    assertThat(readsTask("wjj_shuji", caseId)).isTrue();

    identitySync.sync();

    assertThat(readsCase("rmyy_zzb", caseId)).isTrue();
    assertThat(readsCase("wjj_shuji", caseId)).isTrue();
    assertThat(readsCase("zyy_zzb", caseId)).isFalse();
    assertThat(readsTask("wjj_shuji", caseId)).isFalse();
    assertThat(readsTask("rmyy_shuji", caseId)).isTrue();
    long grants = jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class);
    identitySync.sync();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class)).isEqualTo(grants);
  }

  private String start(String orgId) {
    return made.started(runtime.startProcessInstanceByKey("branchErrand",
        Map.of("orgId", orgId, "role", "member", "subject", "授权随组织测试")).getId());
  }

  private void importOrganization(String row) {
    imports.importOrganizations("o.csv", ("id,parent_id,kind,name,approval_power\n" + row + "\n")
        .getBytes(StandardCharsets.UTF_8));
  }

  private List<String> members(String group) {
    return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
  }

  private boolean readsCase(String user, String caseId) {
    return !http.withBasicAuth(user, "demo")
        .getForObject("/engine-rest/history/process-instance?processInstanceId=" + caseId, List.class).isEmpty();
  }

  private boolean readsTask(String user, String caseId) {
    return !http.withBasicAuth(user, "demo")
        .getForObject("/engine-rest/task?processInstanceId=" + caseId, List.class).isEmpty();
  }
}
