package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * A scope above {@link OrganizationChoices#LIMIT}: a test 党委 with five 党总支 of fifty branches each (256
 * organizations) given to the demo's 党委书记 and 纪委 as well as their hospital. The organization filters of the
 * managers' dashboard and of the auditors' search then drill down instead of listing every organization.
 */
@PostgresTest
class LargeScopeFilterTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  final String top = "pick-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void bigCommittee() {
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, null, 'COMMITTEE', '下拉测试党委', true, 900000)", top);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-g' || g, ?, 'GENERAL_BRANCH', '下拉测试总支' || g, false, 900000 + g * 100"
        + " from generate_series(1, 5) g", top, top);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-g' || g || '-b' || b, ? || '-g' || g, 'BRANCH', '下拉测试支部' || g || '-' || b, false,"
        + " 900000 + g * 100 + b from generate_series(1, 5) g, generate_series(1, 50) b", top, top);
    // P001 is rmyy_shuji, P004 rmyy_jiwei: the test 党委 joins their hospital in their scope.
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P001', 'SECRETARY'),"
        + " (?, 'P004', 'AUDITOR')", top, top);
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from pf_role_assignment where org_id = ?", top);
    jdbc.update("delete from pf_organization where id = ? or id like ?", top, top + "-%");
  }

  @Test
  void theDashboardOfABigScopeOffersTheTopsAndTheirChildrenThenTheChosenOnesChildren() {
    List<String> first = options(page("rmyy_shuji", "/dashboard/rectification"), "<select name=\"org\" id=\"filter-org\">");
    assertThat(first).contains("全部", "县人民医院党委", "下拉测试党委", "\u3000下拉测试总支1", "\u3000下拉测试总支5")
        .noneMatch(o -> o.contains("下拉测试支部"));
    assertThat(first).hasSizeLessThan(30);

    List<String> drilled = options(page("rmyy_shuji", "/dashboard/rectification?org=" + top + "-g2"),
        "<select name=\"org\" id=\"filter-org\">");
    assertThat(drilled).contains("下拉测试党委", "\u3000下拉测试总支2", "\u3000\u3000下拉测试支部2-1",
        "\u3000\u3000下拉测试支部2-50").doesNotContain("\u3000下拉测试总支1", "\u3000\u3000下拉测试支部1-1");
    assertThat(drilled.stream().filter(o -> o.contains("下拉测试支部"))).hasSize(50);
  }

  @Test
  void theAuditSearchOfABigScopeShowsThePathToTheChosenBranchAndSelectsIt() {
    String html = page("rmyy_jiwei", "/audit?orgId=" + top + "-g3-b7");
    assertThat(options(html, "<select name=\"orgId\">")).contains("（全部可查阅的组织）", "县人民医院党委", "下拉测试党委",
        "\u3000下拉测试总支3", "\u3000\u3000下拉测试支部3-7").doesNotContain("\u3000下拉测试总支1", "\u3000\u3000下拉测试支部3-8");
    assertThat(html).containsPattern("<option value=\"" + top + "-g3-b7\" selected=\"selected\">");
  }

  private String page(String user, String url) {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(url, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** The texts of the options of the select that opens with {@code selectTag}. */
  private static List<String> options(String html, String selectTag) {
    int start = html.indexOf(selectTag);
    assertThat(start).isNotNegative();
    String select = html.substring(start, html.indexOf("</select>", start));
    Matcher m = Pattern.compile("<option[^>]*>([^<]*)</option>").matcher(select);
    List<String> texts = new ArrayList<>();
    while (m.find()) {
      texts.add(m.group(1));
    }
    return texts;
  }
}
