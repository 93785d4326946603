package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TasklistSession;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.RoleAssignment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What a browser may be made to do: a foreign page cannot use a Tasklist login to post to our APIs, and our pages
 * forbid scripts and framing by others with a Content-Security-Policy.
 */
@PostgresTest
class BrowserRequestSecurityTest {

  static final String ORIGINAL = "组织编号,人员编号,职务\nrmyy-hq,P050,书记\nrmyy-hq,P050,组织委员\nrmyy-hq,P051,党费管理员\n";
  static final String WITH_PROPAGANDA = ORIGINAL + "rmyy-hq,P051,宣传委员\n";

  @Autowired TestRestTemplate http;
  @Autowired OrganizationDirectory directory;
  @LocalServerPort int port;

  @AfterEach
  void restoreTheLogisticsBranchRoles() {
    ResponseEntity<String> restored = http.withBasicAuth("admin", "demo").exchange("/api/import/roles",
        HttpMethod.POST, upload(ORIGINAL, new HttpHeaders()), String.class);
    assertThat(restored.getStatusCode().value()).as("HTTP Basic needs no token: " + restored.getBody())
        .isEqualTo(200);
  }

  @Test
  void aForeignPageCannotImportRolesWithTheTasklistLogin() {
    TasklistSession tasklist = TasklistSession.login(http, "rmyy_zzb");
    List<RoleAssignment> before = logisticsRoles();

    HttpHeaders evil = tasklist.headers(null);
    evil.set(HttpHeaders.ORIGIN, "http://evil.example");
    ResponseEntity<String> foreign = http.exchange("/api/import/roles", HttpMethod.POST,
        upload(WITH_PROPAGANDA, evil), String.class);
    HttpHeaders unknown = tasklist.headers(null);
    ResponseEntity<String> noOrigin = http.exchange("/api/import/roles", HttpMethod.POST,
        upload(WITH_PROPAGANDA, unknown), String.class);
    HttpHeaders referredByEvil = tasklist.headers(null);
    referredByEvil.set(HttpHeaders.REFERER, "http://evil.example/localhost:" + port + "/");
    ResponseEntity<String> referred = http.exchange("/api/import/roles", HttpMethod.POST,
        upload(WITH_PROPAGANDA, referredByEvil), String.class);

    assertThat(List.of(foreign, noOrigin, referred)).allSatisfy(a -> {
      assertThat(a.getStatusCode().value()).isEqualTo(403);
      assertThat(a.getBody()).contains("请求来源无法确认");
    });
    assertThat(logisticsRoles()).isEqualTo(before);
  }

  @Test
  void ourOwnPageImportsRolesWithTheTasklistLogin() {
    TasklistSession tasklist = TasklistSession.login(http, "rmyy_zzb");
    HttpHeaders ours = tasklist.headers(null);
    ours.set(HttpHeaders.ORIGIN, "http://localhost:" + port);

    ResponseEntity<String> imported = http.exchange("/api/import/roles", HttpMethod.POST,
        upload(WITH_PROPAGANDA, ours), String.class);

    assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
    assertThat(logisticsRoles()).hasSize(4);
  }

  @Test
  void ourPagesSendAContentSecurityPolicyAndTheWebappsKeepTheirOwn() {
    ResponseEntity<String> dashboard = http.withBasicAuth("rmyy_shuji", "demo")
        .getForEntity("/dashboard/rectification", String.class);
    assertThat(dashboard.getStatusCode().value()).isEqualTo(200);
    assertThat(dashboard.getHeaders().get("Content-Security-Policy")).singleElement().asString()
        .contains("default-src 'self'", "script-src 'self'", "img-src 'self' data:", "frame-ancestors 'self'")
        .doesNotContain("unsafe-eval");
    String ours = dashboard.getHeaders().getFirst("Content-Security-Policy");
    assertThat(http.withBasicAuth("rmyy_jiwei", "demo").getForEntity("/audit", String.class).getHeaders()
        .getFirst("Content-Security-Policy")).isEqualTo(ours);

    ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getHeaders().get("Content-Security-Policy")).singleElement().asString()
        .isNotEqualTo(ours);
  }

  private List<RoleAssignment> logisticsRoles() {
    return directory.roleAssignments().stream().filter(r -> r.orgId().equals("rmyy-hq")).toList();
  }

  private static HttpEntity<LinkedMultiValueMap<String, Object>> upload(String csv, HttpHeaders headers) {
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "roles.csv";
      }
    });
    return new HttpEntity<>(parts, headers);
  }
}
