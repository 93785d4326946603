package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.shared.ChinaClock;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * /dues for a scope above {@code DuesPages.BRANCH_ROWS} branches: a test 党委 with three 党总支 of twenty branches each,
 * given to the demo's 党委书记 beside their hospital, with kept month totals. The overview lists the levels under
 * the user's top organizations with the month summed, each leading one level down until the branches; an
 * organization outside the scope is refused and never shown.
 */
@PostgresTest
class DuesLevelsPageTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  final String top = "lvl-" + UUID.randomUUID().toString().substring(0, 8);
  /** A 党委 beside the test one that nobody holds a role in. */
  final String outside = top + "x";
  final String period = YearMonth.from(ChinaClock.today()).toString();

  @BeforeEach
  void bigCommitteeWithMonthTotals() {
    for (String root : List.of(top, outside)) {
      jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
          + " values (?, null, 'COMMITTEE', ?, true, 910000)", root, root.equals(top) ? "下钻测试党委" : "范围外测试党委");
    }
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-g' || g, ?, 'GENERAL_BRANCH', '下钻测试总支' || g, false, 910000 + g * 100"
        + " from generate_series(1, 3) g", top, top);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-g' || g || '-b' || b, ? || '-g' || g, 'BRANCH', '下钻测试支部' || g || '-' || b, false,"
        + " 910000 + g * 100 + b from generate_series(1, 3) g, generate_series(1, 20) b", top, top);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, ?, 'BRANCH', '范围外测试支部', false, 919999)", outside + "-b1", outside);
    // 100.50 due per branch this month: the first 党总支's branches paid in full, the second's half, the third's
    // nothing and two members each still owing 10.05 from last month.
    jdbc.update("insert into pf_dues_month_total (branch_id, period, members, expected, received, unpaid_members, owed)"
        + " select id, ?, 10, 100.50, case when id like ? then 100.50 when id like ? then 50.25 else 0 end,"
        + " case when id like ? then 0 when id like ? then 5 else 10 end,"
        + " case when id like ? then 0 when id like ? then 50.25 else 100.50 end"
        + " from pf_organization where id like ? and kind = 'BRANCH'",
        period, top + "-g1-%", top + "-g2-%", top + "-g1-%", top + "-g2-%", top + "-g1-%", top + "-g2-%", top + "-%");
    jdbc.update("insert into pf_dues_month_total (branch_id, period, members, expected, received, unpaid_members, owed)"
        + " select id, ?, 10, 100.50, 80.40, 2, 20.10 from pf_organization where id like ? and kind = 'BRANCH'",
        YearMonth.parse(period).minusMonths(1).toString(), top + "-g3-%");
    jdbc.update("insert into pf_dues_month_total (branch_id, period, members, expected, received, unpaid_members, owed)"
        + " values (?, ?, 10, 999.00, 0, 10, 999.00)", outside + "-b1", period);
    // P001 is rmyy_shuji, the 县人民医院党委's secretary: the test 党委 joins their hospital in their scope.
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P001', 'SECRETARY')", top);
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from pf_role_assignment where org_id = ?", top);
    jdbc.update("delete from pf_dues_month_total where branch_id like ? or branch_id like ?", top + "-%",
        outside + "-%");
    jdbc.update("delete from pf_organization where parent_id is not null and (id like ? or id like ?)",
        top + "-%-b%", outside + "-%");
    jdbc.update("delete from pf_organization where id like ?", top + "-%");
    jdbc.update("delete from pf_organization where id = ? or id = ?", top, outside);
  }

  @Test
  void aScopeOfManyBranchesIsSummedPerLevelAndTheTotalIsTheSumOfTheRows() {
    String html = page("/dues");
    Map<String, List<String>> rows = rows(html);
    assertThat(rows.keySet()).containsSubsequence("县人民医院内科党支部", "下钻测试总支1", "下钻测试总支2", "下钻测试总支3", "合计")
        .noneMatch(name -> name.startsWith("下钻测试支部") || name.contains("范围外"));
    assertThat(html).doesNotContain("范围外测试").doesNotContain("id=\"branch-");
    assertThat(rows.get("下钻测试总支1")).containsExactly("21", "2010.00", "2010.00", "100%", "0人", "0人次", "0.00");
    assertThat(rows.get("下钻测试总支2")).containsExactly("21", "2010.00", "1005.00", "50%", "100人", "0人次", "0.00");
    assertThat(rows.get("下钻测试总支3")).containsExactly("21", "2010.00", "0.00", "0%", "200人", "40人次", "402.00");
    List<String> total = rows.get("合计");
    assertThat(total.get(0)).isEqualTo("67");
    for (int column : List.of(1, 2, 6)) {
      BigDecimal sum = rows.entrySet().stream().filter(e -> !e.getKey().equals("合计"))
          .map(e -> new BigDecimal(e.getValue().get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(new BigDecimal(total.get(column))).isEqualByComparingTo(sum);
    }
    assertThat(html).contains("href=\"/dues?org=" + top + "-g2\"").contains("id=\"chart-dues-rates\"");
  }

  @Test
  void aLevelOpensOneLevelDownUntilTheBranchesOfItsOwn() {
    String committee = page("/dues?org=" + top);
    Map<String, List<String>> rows = rows(committee);
    assertThat(rows.keySet()).containsExactly("下钻测试总支1", "下钻测试总支2", "下钻测试总支3", "合计");
    assertThat(rows.get("合计")).containsExactly("63", "6030.00", "3015.00", "50%", "300人", "40人次", "402.00");
    assertThat(committee).doesNotContain("县人民医院内科党支部");

    String generalBranch = page("/dues?org=" + top + "-g3");
    assertThat(generalBranch).contains("id=\"dues-path\"").contains("下钻测试党委")
        .contains("id=\"branch-" + top + "-g3-b1\"").contains("id=\"branch-" + top + "-g3-b20\"")
        .doesNotContain("下钻测试支部1-1").doesNotContain("id=\"dues-levels\"");
    assertThat(page("/dues/" + top + "-g3-b7")).contains("下钻测试支部3-7");
  }

  @Test
  void anOrganizationOutsideTheScopeIsRefusedAndNotShown() {
    for (String org : List.of(outside, outside + "-b1", "zyy")) {
      ResponseEntity<String> response = http.withBasicAuth("rmyy_shuji", "demo")
          .getForEntity("/dues?org=" + org, String.class);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(response.getBody()).doesNotContain("范围外测试支部").doesNotContain("999.00")
          .doesNotContain("县中医院第一党支部");
    }
  }

  private String page(String url) {
    ResponseEntity<String> response = http.withBasicAuth("rmyy_shuji", "demo").getForEntity(url, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** The rows of the levels table: each organization's name to the texts of its other cells. */
  private static Map<String, List<String>> rows(String html) {
    int start = html.indexOf("<table id=\"dues-levels\">");
    assertThat(start).isNotNegative();
    String table = html.substring(html.indexOf("<tbody>", start), html.indexOf("</table>", start));
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
      while (cell.find()) {
        cells.add(cell.group(1).replaceAll("<[^>]+>", "").trim());
      }
      rows.put(cells.get(0), cells.subList(1, cells.size()));
    }
    return rows;
  }
}
