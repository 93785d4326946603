package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.CsvUpload;
import cn.partyflow.PostgresTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
 * Role grants and the registry's plain-text and login rules, over HTTP as the demo users: every refusal answers 400
 * naming the row, and the role table, the registry and the Camunda memberships stay as they were.
 */
@PostgresTest
class RoleGrantTest {

  private static final String ROLES = "组织编号,人员编号,职务\n";
  private static final String PEOPLE = "编号,姓名,政治面貌,所在组织,登录名\n";

  @Autowired OrganizationDirectory directory;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  @Test
  void aCommitteesOrganizationDepartmentCannotMakeHimselfSecretaryAndAuditor() {
    String current = rolesOf("rmyy");
    int next = lines(current) + 2;
    Snapshot before = snapshot();

    ResponseEntity<String> answer = upload("rmyy_zzb", "/api/import/roles",
        ROLES + current + "rmyy,P003,书记\nrmyy,P003,纪委/审计\n");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody())
        .contains("第" + next + "行：不能给本人任命职务（县人民医院党委书记）")
        .contains("第" + (next + 1) + "行：不能给本人任命职务（县人民医院党委纪委/审计）");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(http.withBasicAuth("rmyy_zzb", "demo").getForEntity("/audit", String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void aCommitteesOrganizationDepartmentCannotGrantOrRemoveItsAuditors() {
    String current = rolesOf("rmyy");
    Snapshot before = snapshot();

    ResponseEntity<String> grant = upload("rmyy_zzb", "/api/import/roles", ROLES + current + "rmyy,P006,纪委/审计\n");
    assertThat(grant.getStatusCode().value()).isEqualTo(400);
    assertThat(grant.getBody()).contains("第" + (lines(current) + 2) + "行：不能任命人员P006为县人民医院党委纪委/审计："
        + "党委的书记、副书记、纪委/审计、组织部门干事和分管领导只能由系统管理员或上级县卫生健康局党组的组织部门任免");

    String withoutP007 = current.replace("rmyy,P007,auditor\n", "");
    assertThat(withoutP007).isNotEqualTo(current);
    ResponseEntity<String> removal = upload("rmyy_zzb", "/api/import/roles", ROLES + withoutP007);
    assertThat(removal.getStatusCode().value()).isEqualTo(400);
    assertThat(removal.getBody()).contains("第2行：本文件将免去人员P007的县人民医院党委纪委/审计职务");

    ResponseEntity<String> ownRole = upload("rmyy_zzb", "/api/import/roles", ROLES
        + current.replace("rmyy,P003,orgdept\n", ""));
    assertThat(ownRole.getBody()).contains("第2行：本文件将免去您本人的县人民医院党委组织部门干事职务");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void theAdministratorGrantsAnAuditorOfACommittee() {
    String current = rolesOf("rmyy");
    try {
      ResponseEntity<String> answer = upload("admin", "/api/import/roles", ROLES + current + "rmyy,P006,纪委/审计\n");
      assertThat(answer.getStatusCode().value()).isEqualTo(200);
      assertThat(members("rmyy.auditor")).contains("rmyy_dangban", "rmyy_jiwei", "rmyy_shenji");
    } finally {
      assertThat(upload("admin", "/api/import/roles", ROLES + current).getStatusCode().value()).isEqualTo(200);
    }
    assertThat(members("rmyy.auditor")).doesNotContain("rmyy_dangban");
  }

  @Test
  void aCommitteesOrganizationDepartmentStillSetsBranchRolesForOthersButNotForHimself() {
    String current = rolesOf("rmyy-nk");
    Snapshot before = snapshot();
    ResponseEntity<String> own = upload("rmyy_zzb", "/api/import/roles", ROLES + current + "rmyy-nk,P003,组织委员\n");
    assertThat(own.getStatusCode().value()).isEqualTo(400);
    assertThat(own.getBody()).contains("第" + (lines(current) + 2) + "行：不能给本人任命职务（县人民医院内科党支部组织委员）");
    assertThat(snapshot()).isEqualTo(before);

    try {
      assertThat(upload("rmyy_zzb", "/api/import/roles", ROLES + current + "rmyy-nk,P013,组织委员\n")
          .getStatusCode().value()).isEqualTo(200);
      assertThat(members("rmyy-nk.organizer")).contains("nk_zuzhi", "nk_jijian");
    } finally {
      assertThat(upload("rmyy_zzb", "/api/import/roles", ROLES + current).getStatusCode().value()).isEqualTo(200);
    }
    assertThat(members("rmyy-nk.organizer")).containsExactly("nk_zuzhi");
  }

  /** The demo's 党组 has no 组织部门, so a county tree of its own shows the level above at work. */
  @Test
  void theOrganizationDepartmentOfTheLevelAboveGrantsACommitteesOffices() {
    assertThat(upload("admin", "/api/import/organizations", """
        编号,上级编号,类型,名称,审批权
        rg-dz,,党组,授权测试党组,否
        rg-dw,rg-dz,党委,授权测试党委,是
        rg-zb,rg-dw,党支部,授权测试党支部,否
        """).getStatusCode().value()).isEqualTo(200);
    assertThat(upload("admin", "/api/import/people", PEOPLE + """
        RG1,党组干事,正式党员,rg-dz,rg_dz_zzb
        RG2,党委干事,正式党员,rg-dw,rg_dw_zzb
        RG3,拟任纪委,正式党员,rg-dw,rg_dw_jiwei
        RG4,支部党员,正式党员,rg-zb,rg_zb_zuzhi
        """).getStatusCode().value()).isEqualTo(200);
    assertThat(upload("admin", "/api/import/roles", ROLES + "rg-dz,RG1,组织部门干事\nrg-dw,RG2,组织部门干事\n")
        .getStatusCode().value()).isEqualTo(200);
    String auditor = ROLES + "rg-dw,RG2,组织部门干事\nrg-dw,RG3,纪委/审计\n";

    ResponseEntity<String> own = upload("rg_dw_zzb", "/api/import/roles", auditor);
    assertThat(own.getStatusCode().value()).isEqualTo(400);
    assertThat(own.getBody()).contains("第3行：不能任命人员RG3为授权测试党委纪委/审计")
        .contains("只能由系统管理员或上级授权测试党组的组织部门任免").doesNotContain("第2行");
    assertThat(members("rg-dw.auditor")).isEmpty();

    assertThat(upload("rg_dz_zzb", "/api/import/roles", auditor).getStatusCode().value()).isEqualTo(200);
    assertThat(members("rg-dw.auditor")).containsExactly("rg_dw_jiwei");
    assertThat(upload("rg_dw_zzb", "/api/import/roles", ROLES + "rg-zb,RG4,组织委员\n").getStatusCode().value())
        .isEqualTo(200);
    assertThat(members("rg-zb.organizer")).containsExactly("rg_zb_zuzhi");
  }

  @Test
  void aCommitteesOrganizationDepartmentCannotChangeHisOwnLoginNorThatOfAnOfficeHolderAbove() {
    Snapshot before = snapshot();
    ResponseEntity<String> answer = upload("rmyy_zzb", "/api/import/people", PEOPLE + """
        P003,赵志强,正式党员,rmyy,rmyy_zzb2
        P004,孙丽,正式党员,rmyy,rmyy_zzb_jiwei
        P010,内科书记,正式党员,rmyy-nk,nk_shuji
        """);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("第2行：不能修改本人的登录名")
        .contains("第3行：人员P004任县人民医院党委纪委/审计，修改其登录名等同于任免这一职务").doesNotContain("第4行");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(identity.createUserQuery().userId("rmyy_zzb_jiwei").count()).isZero();
  }

  @Test
  void aCommitteesOrganizationDepartmentCannotTurnAnOrganizationIntoACommittee() {
    Snapshot before = snapshot();
    ResponseEntity<String> answer = upload("rmyy_zzb", "/api/import/organizations",
        "编号,上级编号,类型,名称,审批权\nrmyy-nk,rmyy,党委,县人民医院内科党支部,否\n");
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("第2行：不能把县人民医院内科党支部由党支部改为党委");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aNameWithMarkupIsRefusedNamingTheRow() {
    Snapshot before = snapshot();
    ResponseEntity<String> people = upload("rmyy_zzb", "/api/import/people", PEOPLE
        + "T900,正常姓名,正式党员,rmyy-nk,\nT901,<img src=x onerror=alert(1)>,正式党员,rmyy-nk,\n"
        + "T902," + "长".repeat(101) + ",正式党员,rmyy-nk,\n");
    assertThat(people.getStatusCode().value()).isEqualTo(400);
    assertThat(people.getBody()).contains("第3行：姓名不能包含“<”或“>”，只能填写纯文本")
        .contains("第4行：姓名最多100个字，现为101个字").doesNotContain("第2行");
    ResponseEntity<String> orgs = upload("rmyy_zzb", "/api/import/organizations",
        "编号,上级编号,类型,名称,审批权\nrg-x,rmyy,党支部,<b>党支部</b>,否\n");
    assertThat(orgs.getStatusCode().value()).isEqualTo(400);
    assertThat(orgs.getBody()).contains("第2行：名称不能包含“<”或“>”");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void namesAreStoredTrimmedOfFullWidthSpaces() {
    assertThat(upload("rmyy_zzb", "/api/import/organizations",
        "编号,上级编号,类型,名称,审批权\nrg-trim,rmyy,党支部,\u3000空格支部 ,否\n").getStatusCode().value())
        .isEqualTo(200);
    assertThat(upload("rmyy_zzb", "/api/import/people", PEOPLE + "T910,\u3000空格姓名\u3000,群众,rg-trim,\n")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(directory.organization("rg-trim").orElseThrow().name()).isEqualTo("空格支部");
    assertThat(directory.person("T910").orElseThrow().name()).isEqualTo("空格姓名");
  }

  @Test
  void aLoginNameDifferingOnlyInCaseIsRefusedNamingTheRow() {
    Snapshot before = snapshot();
    ResponseEntity<String> answer = upload("admin", "/api/import/people", PEOPLE + """
        T920,冒名管理员,正式党员,rmyy-nk,ADMIN
        T921,冒名书记,正式党员,rmyy-nk,Rmyy_Shuji
        T922,小李,正式党员,rmyy-nk,li
        T923,大李,正式党员,rmyy-nk,LI
        P001,王建国,正式党员,rmyy,RMYY_SHUJI
        """);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody())
        .contains("第2行：登录名ADMIN已被系统账户使用（admin，登录名不区分大小写）")
        .contains("第3行：登录名Rmyy_Shuji已被人员P001使用（rmyy_shuji，登录名不区分大小写）")
        .contains("第5行：登录名LI与第4行的登录名li重复（登录名不区分大小写）")
        .contains("第6行：登录名RMYY_SHUJI与原登录名rmyy_shuji只有大小写不同").doesNotContain("第4行：");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(identity.createUserQuery().userIdIn("ADMIN", "Rmyy_Shuji", "li", "LI", "RMYY_SHUJI").count()).isZero();
  }

  /** Memberships come from the role table only: the engine's identity endpoints are closed to officers. */
  @Test
  void theEngineCannotBeUsedToJoinAGroupOrCreateALogin() {
    Snapshot before = snapshot();
    var as = http.withBasicAuth("rmyy_zzb", "demo");
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> join = as.exchange("/engine-rest/group/pf-auditors/members/rmyy_zzb",
        HttpMethod.PUT, new HttpEntity<>(null, json), String.class);
    ResponseEntity<String> create = as.postForEntity("/engine-rest/user/create", new HttpEntity<>(
        "{\"profile\":{\"id\":\"ADMIN\",\"firstName\":\"x\"},\"credentials\":{\"password\":\"demo\"}}", json),
        String.class);
    ResponseEntity<String> group = as.postForEntity("/engine-rest/group/create", new HttpEntity<>(
        "{\"id\":\"camunda-admin\",\"name\":\"x\"}", json), String.class);
    ResponseEntity<String> profile = as.exchange("/engine-rest/user/rmyy_jiwei/profile",
        HttpMethod.PUT, new HttpEntity<>("{\"id\":\"rmyy_jiwei\",\"firstName\":\"x\"}", json),
        String.class);
    assertThat(List.of(join.getStatusCode().value(), create.getStatusCode().value(), group.getStatusCode().value(),
        profile.getStatusCode().value())).containsExactly(403, 403, 403, 403);
    assertThat(snapshot()).isEqualTo(before);
  }

  private record Snapshot(List<Map<String, Object>> roles, List<Map<String, Object>> people,
      List<Map<String, Object>> organizations, List<Map<String, Object>> memberships) {}

  private Snapshot snapshot() {
    return new Snapshot(
        jdbc.queryForList("select * from pf_role_assignment order by org_id, role, person_id"),
        jdbc.queryForList("select * from pf_person order by id"),
        jdbc.queryForList("select * from pf_organization order by id"),
        jdbc.queryForList("select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP order by USER_ID_, GROUP_ID_"));
  }

  /** The organization's roles as they stand, as rows of a roles file. */
  private String rolesOf(String orgId) {
    StringBuilder rows = new StringBuilder();
    directory.roleAssignments().stream().filter(a -> a.orgId().equals(orgId))
        .forEach(a -> rows.append(a.orgId()).append(',').append(a.personId()).append(',').append(a.role().code())
            .append('\n'));
    return rows.toString();
  }

  private static int lines(String rows) {
    return (int) rows.chars().filter(c -> c == '\n').count();
  }

  private List<String> members(String group) {
    return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).sorted().toList();
  }

  private ResponseEntity<String> upload(String user, String path, String csv) {
    return new CsvUpload(http).post(user, path, "import.csv", csv);
  }
}
