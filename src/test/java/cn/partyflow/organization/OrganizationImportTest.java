package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.CsvUpload;
import cn.partyflow.PostgresTest;
import cn.partyflow.shared.ImportRefused;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import java.sql.Statement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class OrganizationImportTest {

  @Autowired OrganizationImport imports;
  @Autowired OrganizationDirectory directory;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired AuthorizationService authorizations;

  @Test
  void aCsvWithOneBadRowChangesNothingAndNamesTheRow() {
    long people = count("pf_person");
    String csv = """
        编号,姓名,政治面貌,所在组织,登录名,出生日期
        T100,测试甲,正式党员,rmyy-wk,imp_jia,1990-01-01
        T101,测试乙,党员,rmyy-wk,,1991-01-01
        T102,测试丙,群众,rmyy-wk,,1992-13-01
        """;
    assertThatThrownBy(() -> imports.importPeople("people.csv", csv.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ImportRefused.class, e -> {
          assertThat(e.errors()).extracting(ImportRefused.RowError::line).containsExactly(3, 4);
          assertThat(e.errors().get(0).message()).contains("政治面貌“党员”无效");
          assertThat(e.errors().get(1).message()).contains("出生日期“1992-13-01”不是有效日期");
        });
    assertThat(count("pf_person")).isEqualTo(people);
    assertThat(directory.person("T100")).isEmpty();
    assertThat(identity.createUserQuery().userId("imp_jia").count()).isZero();
  }

  @Test
  void aGoodFileIsImportedWithItsLoginsAndRoles() {
    String orgs = "id,parent_id,kind,name,approval_power\nimp-zb,rmyy,党支部,导入测试党支部,否\n";
    String people = "id,name,status,org_id,username\nT200,导入书记,正式党员,imp-zb,imp_shuji\n";
    String roles = "org_id,person_id,role\nimp-zb,T200,书记\n";
    imports.importOrganizations("o.csv", orgs.getBytes(StandardCharsets.UTF_8));
    imports.importPeople("p.csv", people.getBytes(StandardCharsets.UTF_8));
    imports.importRoles("r.csv", roles.getBytes(StandardCharsets.UTF_8));

    assertThat(directory.organization("imp-zb")).get().extracting(Organization::kind)
        .isEqualTo(OrganizationKind.BRANCH);
    assertThat(identity.createUserQuery().memberOfGroup("imp-zb.secretary").list())
        .extracting(u -> u.getId()).containsExactly("imp_shuji");
    assertThat(identity.createUserQuery().memberOfGroup("imp-zb").list()).extracting(u -> u.getId())
        .containsExactly("imp_shuji");
  }

  @Test
  void anImportOnOneNodeIsSeenByTheCachedDirectoryOfAnother() {
    OrganizationDirectory otherNode = new OrganizationDirectory(jdbc);
    assertThat(otherNode.selfAndDescendants("rmyy")).doesNotContain("imp-cache");
    imports.importOrganizations("o.csv",
        "id,parent_id,kind,name,approval_power\nimp-cache,rmyy,党支部,缓存测试党支部,否\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(otherNode.selfAndDescendants("rmyy")).contains("imp-cache");
    assertThat(otherNode.organizationsById().get("imp-cache").name()).isEqualTo("缓存测试党支部");
    imports.importOrganizations("o.csv",
        "id,parent_id,kind,name,approval_power\nimp-cache,rmyy,党支部,缓存测试第二党支部,否\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(otherNode.organizationsById().get("imp-cache").name()).isEqualTo("缓存测试第二党支部");
    assertThat(directory.organizationsById().get("imp-cache").name()).isEqualTo("缓存测试第二党支部");
  }

  @Test
  void theDirectoryReadsTheTreeAgainOnlyWhenItsVersionStampMoves() {
    OrganizationDirectory node = new OrganizationDirectory(jdbc);
    String name = node.organizationsById().get("rmyy-nk").name();
    // A write the trigger does not see (triggers off in that one session) is not read: the node answers from its copy.
    jdbc.execute((ConnectionCallback<Object>) con -> {
      try (Statement s = con.createStatement()) {
        s.execute("set session_replication_role = replica");
        s.executeUpdate("update pf_organization set name = name || '（未通知）' where id = 'rmyy-nk'");
        s.execute("set session_replication_role = origin");
      }
      return null;
    });
    try {
      assertThat(node.organizationsById().get("rmyy-nk").name()).isEqualTo(name);
      jdbc.update("update pf_organization_version set version = nextval('pf_organization_version_seq') where id = 1");
      assertThat(node.organizationsById().get("rmyy-nk").name()).isEqualTo(name + "（未通知）");
    } finally {
      jdbc.update("update pf_organization set name = ? where id = 'rmyy-nk'", name);
    }
    assertThat(node.organizationsById().get("rmyy-nk").name()).isEqualTo(name);
  }

  @Test
  void aBranchOrPartyGroupCannotHoldApprovalPower() {
    String orgs = "编号,上级编号,类型,名称,审批权\nimp-zzb,rmyy,党总支,测试总支,是\nimp-dz,,党组,测试党组,是\n";
    assertThatThrownBy(() -> imports.importOrganizations("o.csv", orgs.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.errors())
            .extracting(ImportRefused.RowError::toString)
            .containsExactly("第2行：党总支不能拥有发展党员审批权（只有经授权的党委可以审批）",
                "第3行：党组不能拥有发展党员审批权（只有经授权的党委可以审批）"));
    assertThat(directory.organization("imp-zzb")).isEmpty();
  }

  @Test
  void anXlsxWithABadRowIsRefusedWhole() throws IOException {
    byte[] xlsx = workbook(new String[][] {
        {"org_id", "person_id", "role"},
        {"rmyy-wk", "P031", "组织委员"},
        {"rmyy-wk", "NOBODY", "组织委员"},
        {"rmyy-wk", "P032", "主任"}});
    long roles = count("pf_role_assignment");
    assertThatThrownBy(() -> imports.importRoles("roles.xlsx", xlsx))
        .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.errors())
            .extracting(ImportRefused.RowError::toString)
            .containsExactly("第3行：人员NOBODY不存在", "第4行：职务“主任”无效"));
    assertThat(count("pf_role_assignment")).isEqualTo(roles);
  }

  @Test
  void anUnreadableFileIsRefusedWithAMessage() {
    assertThatThrownBy(() -> imports.importPeople("people.csv", new byte[] {(byte) 0xC4, (byte) 0xE3, ',', 'x'}))
        .isInstanceOf(ImportRefused.class).hasMessageContaining("不是UTF-8编码");
    assertThatThrownBy(() -> imports.importPeople("people.csv", "编号,工资\n1,2\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ImportRefused.class).hasMessageContaining("未知的列“工资”");
  }

  @Test
  void aCommitteesOrganizationDepartmentImportsForItsOwnUnitOnly() {
    String outside = """
        编号,上级编号,类型,名称,审批权
        imp3-zb,rmyy,党支部,导入第三党支部,否
        imp3-x,zyy,党支部,他院党支部,否
        zyy-zb1,zyy,党支部,改名的他院支部,否
        rmyy,wjj-jgdw,党委,县人民医院党委,是
        imp3-dw,rmyy,党委,自授审批权党委,是
        """;
    ResponseEntity<String> refused = upload("rmyy_zzb", "/api/import/organizations", outside);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("第3行：上级组织zyy不在您的管理范围内")
        .contains("第4行：组织zyy-zb1不在您的管理范围内").contains("第5行：不能调整本单位党组织rmyy的上级组织")
        .contains("第6行：发展党员审批权由县级党委组织部门授权").doesNotContain("第2行");
    assertThat(directory.organization("imp3-zb")).isEmpty();
    assertThat(directory.organization("zyy-zb1").orElseThrow().name()).isEqualTo("县中医院第一党支部");

    assertThat(upload("rmyy_zzb", "/api/import/organizations",
        "编号,上级编号,类型,名称,审批权\nimp3-zb,rmyy,党支部,导入第三党支部,否\n").getStatusCode().value()).isEqualTo(200);
    ResponseEntity<String> people = upload("rmyy_zzb", "/api/import/people", """
        编号,姓名,政治面貌,所在组织,登录名
        T300,导入委员,正式党员,imp3-zb,imp3_weiyuan
        P070,改他院书记,正式党员,zyy,
        T301,冒名管理员,正式党员,imp3-zb,admin
        """);
    assertThat(people.getStatusCode().value()).isEqualTo(400);
    assertThat(people.getBody()).contains("第3行：所在组织zyy不在您的管理范围内")
        .contains("人员P070的组织关系在zyy，不在您的管理范围内").contains("第4行：登录名admin已被系统账户使用");
    assertThat(directory.person("T300")).isEmpty();
    assertThat(upload("rmyy_zzb", "/api/import/people", "编号,姓名,政治面貌,所在组织,登录名\n"
        + "T300,导入委员,正式党员,imp3-zb,imp3_weiyuan\n").getStatusCode().value()).isEqualTo(200);

    ResponseEntity<String> roles = upload("rmyy_zzb", "/api/import/roles", "组织编号,人员编号,职务\n"
        + "imp3-zb,T300,书记\nzyy,T300,组织部门干事\nimp3-zb,P070,组织委员\n");
    assertThat(roles.getBody()).contains("第3行：组织zyy不在您的管理范围内").contains("第4行：人员P070不在您的管理范围内");
    assertThat(upload("rmyy_zzb", "/api/import/roles", "组织编号,人员编号,职务\nimp3-zb,T300,书记\n")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(identity.createUserQuery().memberOfGroup("imp3-zb.secretary").list()).extracting(u -> u.getId())
        .containsExactly("imp3_weiyuan");
  }

  @Test
  void anotherHospitalsOrganizationDepartmentAndABranchOfficerCannotImportHere() {
    ResponseEntity<String> other = upload("zyy_zzb", "/api/import/people",
        "编号,姓名,政治面貌,所在组织\nT310,越界导入,正式党员,rmyy-nk\n");
    assertThat(other.getStatusCode().value()).isEqualTo(400);
    assertThat(other.getBody()).contains("第2行：所在组织rmyy-nk不在您的管理范围内");
    ResponseEntity<String> officer = upload("nk_zuzhi", "/api/import/people",
        "编号,姓名,政治面貌,所在组织\nT311,支部导入,正式党员,rmyy-nk\n");
    assertThat(officer.getStatusCode().value()).isEqualTo(403);
    assertThat(directory.person("T310")).isEmpty();
    assertThat(directory.person("T311")).isEmpty();
  }

  @Test
  void aLoginNameChangedOrClearedByAnImportCanNoLongerSignIn() {
    String people = "编号,姓名,政治面貌,所在组织,登录名\n";
    imports.importOrganizations("o.csv", "id,parent_id,kind,name,approval_power\nimp-ren,rmyy,党支部,改名测试党支部,否\n"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(upload("admin", "/api/import/people", people + "T400,改名测试,正式党员,imp-ren,imp_before\n")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(upload("admin", "/api/import/roles", "组织编号,人员编号,职务\nimp-ren,T400,支部委员\n")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(signIn("imp_before")).isEqualTo(200);
    authorizations.saveAuthorization(taskGrant("imp_before"));

    ResponseEntity<String> renamed = upload("admin", "/api/import/people",
        people + "T400,改名测试,正式党员,imp-ren,imp_after\n");

    assertThat(renamed.getStatusCode().value()).as(renamed.getBody()).isEqualTo(200);
    assertThat(signIn("imp_before")).isEqualTo(401);
    assertThat(identity.createUserQuery().userId("imp_before").count()).isZero();
    assertThat(identity.createGroupQuery().groupMember("imp_before").count()).isZero();
    assertThat(authorizations.createAuthorizationQuery().userIdIn("imp_before").count()).isZero();
    assertThat(signIn("imp_after")).isEqualTo(200);
    assertThat(identity.createUserQuery().memberOfGroup("imp-ren.member").list()).extracting(u -> u.getId())
        .contains("imp_after").doesNotContain("imp_before");

    ResponseEntity<String> cleared = upload("admin", "/api/import/people",
        people + "T400,改名测试,正式党员,imp-ren,\n");

    assertThat(cleared.getStatusCode().value()).as(cleared.getBody()).isEqualTo(200);
    assertThat(signIn("imp_after")).isEqualTo(401);
    assertThat(identity.createUserQuery().userId("imp_after").count()).isZero();
    assertThat(identity.createUserQuery().userId("admin").count()).as("the administrator stays").isEqualTo(1);
    assertThat(signIn("nk_zuzhi")).as("other logins stay").isEqualTo(200);
  }

  private int signIn(String user) {
    return http.withBasicAuth(user, "demo").getForEntity("/engine-rest/task/count", String.class)
        .getStatusCode().value();
  }

  private org.camunda.bpm.engine.authorization.Authorization taskGrant(String user) {
    var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
    grant.setResourceId("some-task");
    grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    return grant;
  }

  private ResponseEntity<String> upload(String user, String path, String csv) {
    return new CsvUpload(http).post(user, path, "import.csv", csv);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private static byte[] workbook(String[][] rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("roles");
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }
}
