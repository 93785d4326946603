package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.organization.LargeScope;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.shared.ChinaClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unfiltered dashboard of a scope above the organization filter's limit (the 党委书记 of the demo hospital given a
 * test 党委 of 256 organizations) counts from the figures kept per subtree and lists its leaders from the index of
 * leaders: the same counts per status as summing every organization's kept counts, and the 责任领导 filter offers
 * the leaders of its items by name, those of items outside the scope not.
 */
@PostgresTest
class LargeScopeDashboardPostgresTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired TransactionTemplate transactions;
  @Autowired RectificationItems items;
  @Autowired RectificationLevels levels;
  @Autowired RectificationDashboard dashboard;
  @Autowired OrganizationDirectory directory;

  LargeScope scope;
  long caseId;
  long outsideCaseId;

  @BeforeEach
  void bigCommitteeWithItems() {
    scope = LargeScope.create(jdbc);
    // The test 党委 was written around the import: its subtrees are counted anew, as an import would.
    levels.rebuild();
    caseId = newCase(scope.top);
    outsideCaseId = newCase("zyy");
    transactions.executeWithoutResult(s -> {
      items.replaceDraft(caseId, scope.branch(2, 7), "large-" + scope.top, List.of(
          planned(1, "大范围科室甲", "rmyy_fgld", 10),
          planned(2, "大范围科室乙", "rmyy_fgld", -3)));
      items.replaceDraft(outsideCaseId, "zyy", "large-outside-" + scope.top, List.of(
          planned(1, "大范围科室丙", "zyy_shuji", 5)));
    });
  }

  @AfterEach
  void cleanUp() {
    for (long id : List.of(caseId, outsideCaseId)) {
      transactions.executeWithoutResult(s -> items.replaceDraft(id, null, null, List.of()));
      jdbc.update("delete from pf_rectification_case where id = ?", id);
    }
    scope.remove();
    levels.rebuild();
  }

  @Test
  void theUnfilteredPageCountsFromTheKeptSubtreesAndOffersTheScopesLeadersByName() {
    Set<String> visible = directory.subtrees(List.of("rmyy", scope.top));
    assertThat(visible.size()).isGreaterThan(200);
    String html = page("/dashboard/rectification");

    Map<String, Long> expected = dashboard.summary(visible, RectificationDashboard.Filter.none()).byStatus();
    assertThat(counts(html)).isEqualTo(expected);
    assertThat(expected.get(RectificationDashboard.OVERDUE)).isPositive();

    List<String> leaders = LargeScope.options(html, "<select name=\"leader\"");
    assertThat(leaders).contains("周明").doesNotContain("rmyy_fgld", "范建");
    List<String> departments = LargeScope.options(html, "<select name=\"department\"");
    assertThat(departments).contains("大范围科室甲", "大范围科室乙").doesNotContain("大范围科室丙");
  }

  private long newCase(String org) {
    String pi = "large-" + scope.top + "-" + org;
    jdbc.update("insert into pf_rectification_case (org_id, source, status, process_instance_id, created_at)"
        + " values (?, '巡察', '整改中', ?, current_timestamp)", org, pi);
    return jdbc.queryForObject("select id from pf_rectification_case where process_instance_id = ?", Long.class, pi);
  }

  private static RectificationRules.PlannedItem planned(int no, String department, String leader, int days) {
    return new RectificationRules.PlannedItem(no, "问题" + no, "措施", "目标", Rectification.TIME_BOUND, leader,
        department, null, "nk_zhuren", ChinaClock.today().plusDays(days));
  }

  private String page(String url) {
    ResponseEntity<String> response = http.withBasicAuth("rmyy_shuji", "demo").getForEntity(url, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** The counts above the table: status and number of each. */
  private static Map<String, Long> counts(String html) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Matcher m = Pattern.compile("data-status=\"([^\"]+)\"><span>[^<]*</span><b>(\\d+)</b>").matcher(html);
    while (m.find()) {
      counts.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return counts;
  }
}
