package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.WebSession;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The procedures' overview pages ({@link OverviewScope}) over a scope of more than {@link OrganizationChoices#LIMIT}
 * rows ({@link LargeScope}: rmyy_shuji sees his hospital's 4 branches and the test 党委's 5 党总支 and 250 branches):
 * no row until an organization is chosen in the dashboard's drill-down filter, then the chosen one's subtree, at most
 * 200 rows; an organization outside the scope is ignored. A county scope is listed whole, without the filter.
 */
@PostgresTest
class LargeScopeOverviewTest {

  private static final Pattern ROW = Pattern.compile("<tr id=\"row-([^\"]+)\"");

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  LargeScope scope;
  String top;

  @BeforeEach
  void bigCommittee() {
    scope = LargeScope.create(jdbc);
    top = scope.top;
  }

  /** The hospital's branches: the demo's four and those other tests of the shared database imported under it. */
  private int hospitalBranches() {
    return jdbc.queryForObject("select count(*) from pf_organization where parent_id = 'rmyy'"
        + " and kind in ('BRANCH', 'GENERAL_BRANCH')", Integer.class);
  }

  @AfterEach
  void cleanUp() {
    scope.remove();
  }

  @Test
  void aScopeOfAtMost200RowsIsListedWholeWithoutTheFilter() {
    String life = page("rmyy_fushuji", "/organizational-life");
    assertThat(rows(life)).isEqualTo(hospitalBranches());
    assertThat(life).contains("id=\"row-rmyy-nk\"", "id=\"row-rmyy-hq\"")
        .doesNotContain("id=\"filter-org\"", "choose-organization");
    assertThat(rows(page("rmyy_fushuji", "/re-election"))).isEqualTo(hospitalBranches() + 1);
    // Rows, not organizations, are counted: the large scope holds two 党委 to hear their secretaries.
    String review = page("rmyy_shuji", "/duty-review");
    assertThat(review).contains("id=\"org-rmyy\"", "id=\"org-" + top + "\"")
        .doesNotContain("id=\"filter-org\"", "choose-organization");
  }

  @Test
  void aLargeScopeListsNoRowAndAsksForAnOrganization() {
    String life = page("rmyy_shuji", "/organizational-life");
    assertThat(rows(life)).isZero();
    assertThat(life).contains("id=\"filter-org\"", "<option value=\"" + top + "\">下拉测试党委</option>",
        "您的权限范围内有" + (hospitalBranches() + 255) + "个党支部、党总支，不在一页中全部列出。请在“组织”中选择一个组织，点“查看”查看其下的党支部、党总支")
        .doesNotContain("下拉测试支部");
    String reElection = page("rmyy_shuji", "/re-election");
    assertThat(rows(reElection)).isZero();
    assertThat(reElection).contains("id=\"filter-org\"", "id=\"choose-organization\"");
  }

  @Test
  void choosingAGeneralBranchListsItsSubtreeAndChoosingABranchListsThatBranch() {
    String generalBranch = page("rmyy_shuji", "/organizational-life?org=" + scope.generalBranch(2));
    assertThat(rows(generalBranch)).isEqualTo(51);
    assertThat(generalBranch).contains("id=\"row-" + scope.generalBranch(2) + "\"", "id=\"row-" + scope.branch(2, 50)
        + "\"", "<option value=\"" + scope.generalBranch(2) + "\" selected=\"selected\">")
        .doesNotContain("id=\"row-" + scope.branch(1, 1) + "\"", "id=\"row-rmyy-nk\"", "choose-organization");

    String branch = page("rmyy_shuji", "/organizational-life?org=" + scope.branch(2, 7));
    assertThat(rows(branch)).isEqualTo(1);
    assertThat(branch).contains("id=\"row-" + scope.branch(2, 7) + "\"", "/organizational-life/" + scope.branch(2, 7));
    assertThat(rows(page("rmyy_shuji", "/re-election?org=" + scope.branch(3, 7)))).isEqualTo(1);
  }

  @Test
  void aChosenOrganizationWithMoreThan200RowsListsTheFirst200AndAsksForALevelLower() {
    String committee = page("rmyy_shuji", "/organizational-life?org=" + top);
    assertThat(rows(committee)).isEqualTo(OrganizationChoices.LIMIT);
    assertThat(committee).contains("下拉测试党委下有255个党支部、党总支，这里列出前200个。请在“组织”中选择其下一级组织");
  }

  @Test
  void anOrganizationOutsideTheScopeIsIgnoredNeitherFollowedNorOffered() {
    String life = page("rmyy_shuji", "/organizational-life?org=zyy-zb1");
    assertThat(rows(life)).isZero();
    assertThat(life).contains("id=\"choose-organization\"").doesNotContain("zyy-zb1", "县中医院");
    String reElection = page("rmyy_shuji", "/re-election?org=zyy");
    assertThat(rows(reElection)).isZero();
    assertThat(reElection).contains("id=\"choose-organization\"").doesNotContain("县中医院");
  }

  @Test
  void aRefusedWriteGoesBackToThePageAsTheUserNarrowedIt() {
    String g2 = scope.generalBranch(2);
    String back = WebSession.open(http, "rmyy_shuji", "/re-election?org=" + g2)
        .submit("/re-election/" + scope.branch(2, 7) + "/term", Map.of("termEnd", "2030-06-30", "view", g2));
    assertThat(back).contains("任期届满日期由上级党委的组织部门或系统管理员登记");
    assertThat(rows(back)).isEqualTo(51);
  }

  private String page(String user, String url) {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(url, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static int rows(String html) {
    Matcher m = ROW.matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
