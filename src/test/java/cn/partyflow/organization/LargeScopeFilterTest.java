package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A scope above {@link OrganizationChoices#LIMIT} ({@link LargeScope}): the organization filters of the managers'
 * dashboard and of the auditors' search drill down instead of listing every organization. The same walk in Chromium,
 * choosing and filtering as a user does, is {@link LargeScopeFilterBrowserTest}.
 */
@PostgresTest
class LargeScopeFilterTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  LargeScope scope;
  String top;

  @BeforeEach
  void bigCommittee() {
    scope = LargeScope.create(jdbc);
    top = scope.top;
  }

  @AfterEach
  void cleanUp() {
    scope.remove();
  }

  @Test
  void theDashboardOfABigScopeOffersTheTopsAndTheirChildrenThenTheChosenOnesChildren() {
    List<String> first = LargeScope.options(page("rmyy_shuji", "/dashboard/rectification"),
        "<select name=\"org\" id=\"filter-org\">");
    assertThat(first).contains("全部", "县人民医院党委", "下拉测试党委", "\u3000下拉测试总支1", "\u3000下拉测试总支5")
        .noneMatch(o -> o.contains("下拉测试支部"));
    assertThat(first).hasSizeLessThan(30);

    List<String> drilled = LargeScope.options(page("rmyy_shuji", "/dashboard/rectification?org=" + top + "-g2"),
        "<select name=\"org\" id=\"filter-org\">");
    assertThat(drilled).contains("下拉测试党委", "\u3000下拉测试总支1", "\u3000下拉测试总支2", "\u3000\u3000下拉测试支部2-1",
        "\u3000\u3000下拉测试支部2-50").doesNotContain("\u3000\u3000下拉测试支部1-1");
    assertThat(drilled.stream().filter(o -> o.contains("下拉测试支部"))).hasSize(50);
  }

  @Test
  void theAuditSearchOfABigScopeShowsThePathToTheChosenBranchAmongItsSiblingsAndSelectsIt() {
    String html = page("rmyy_jiwei", "/audit?orgId=" + top + "-g3-b7");
    assertThat(LargeScope.options(html, "<select name=\"orgId\">"))
        .contains("（全部可查阅的组织）", "县人民医院党委", "下拉测试党委", "\u3000下拉测试总支3",
            "\u3000\u3000下拉测试支部3-7", "\u3000\u3000下拉测试支部3-8")
        .doesNotContain("\u3000下拉测试总支1", "\u3000\u3000下拉测试支部1-1");
    assertThat(html).containsPattern("<option value=\"" + top + "-g3-b7\" selected=\"selected\">");
  }

  private String page(String user, String url) {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(url, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
