package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.dues.DuesCollectionService;
import cn.partyflow.dues.DuesLevels;
import cn.partyflow.dues.DuesProgress;
import cn.partyflow.dues.DuesSubtreeTotals;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationImport;
import cn.partyflow.organization.ScopeLevels;
import cn.partyflow.shared.ChinaClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL: the rectification counts and the dues month totals kept per subtree (pf_rectification_level,
 * pf_dues_level), which a large scope's 工作台 reads, give the same summary, dues rows and 收缴率 lines as summing each
 * organization's figures, for every organization and scope of a small tree: after items are planned and changed (in
 * a transaction that commits and in one that rolls back), after months are generated and paid (a back payment
 * changing a later month's arrears, a refused batch), after the import moves a branch to another 党委, and after a
 * change of the tree written around the import, which they refuse until counted anew.
 */
@PostgresTest
class SubtreeLevelsPostgresTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired OrganizationImport imports;
  @Autowired OrganizationDirectory directory;
  @Autowired RectificationItems items;
  @Autowired RectificationDashboard dashboard;
  @Autowired RectificationLevels rectificationLevels;
  @Autowired DuesCollectionService collections;
  @Autowired DuesProgress progress;
  @Autowired DuesSubtreeTotals duesLevels;
  @Autowired ApplicationContext context;

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final String top = "stl" + tag;
  final String c1 = top + "-c1";
  final String c2 = top + "-c2";
  final String b1 = top + "-b1";
  final String b2 = top + "-b2";
  final String b3 = top + "-b3";
  final List<String> ours = List.of(top, c1, c2, b1, b2, b3);
  final List<String> periods = List.of("2027-01", "2027-02");
  final TestData made = new TestData();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    String in = String.join(",", ours.stream().map(o -> "?").toList());
    jdbc.update("delete from pf_rectification_event where item_id in (select id from pf_rectification_item"
        + " where org_id in (" + in + "))", ours.toArray());
    jdbc.update("delete from pf_rectification_item where org_id in (" + in + ")", ours.toArray());
    jdbc.update("delete from pf_rectification_case where org_id in (" + in + ")", ours.toArray());
    jdbc.update("delete from pf_rectification_count where org_id in (" + in + ")", ours.toArray());
    made.remove(context);
    rectificationLevels.rebuild();
    duesLevels.rebuild();
  }

  @Test
  void theFiguresKeptPerSubtreeAreTheOrganizationsSummedAfterEveryKindOfWriteAndAMove() {
    // Recorded children first: they are removed in this order.
    List.of(b1, b2, b3, c1, c2, top).forEach(made::organization);
    importOrganizations(top + ",,PARTY_GROUP,层级合计测试党组", c1 + "," + top + ",COMMITTEE,层级合计测试一党委",
        c2 + "," + top + ",COMMITTEE,层级合计测试二党委", b1 + "," + c1 + ",BRANCH,层级合计测试一支部",
        b2 + "," + c2 + ",BRANCH,层级合计测试二支部", b3 + "," + c1 + ",BRANCH,层级合计测试三支部");
    member(1, b1, "40.00");
    member(2, b1, "15.00");
    member(3, b2, "97.50");
    member(4, b3, "20.00");
    clock(2027, 1, 20);

    // Items at a 党委 and two branches, changed one by one, several in one transaction, and in one that rolls back.
    LocalDate today = ChinaClock.today();
    long atCommittee = newCase(c1);
    long atBranch = newCase(b1);
    long atOther = newCase(b2);
    change(() -> items.replaceDraft(atCommittee, c1, "stl-" + tag + "-1", List.of(
        CountsScenario.planned(1, Rectification.TIME_BOUND, "科室甲", "leader1", today.minusDays(3)),
        CountsScenario.planned(2, Rectification.LONG_TERM, "科室乙", "leader2", null))));
    change(() -> items.replaceDraft(atBranch, b1, "stl-" + tag + "-2", List.of(
        CountsScenario.planned(1, Rectification.TIME_BOUND, "科室甲", "leader2", today.plusDays(2)),
        CountsScenario.planned(2, Rectification.IMMEDIATE, "科室丙", "leader1", today.plusDays(20)))));
    change(() -> items.replaceDraft(atOther, b2, "stl-" + tag + "-3", List.of(
        CountsScenario.planned(1, Rectification.TIME_BOUND, "科室甲", "leader1", today.minusDays(10)))));
    List<Long> committeeItems = items.itemIds(atCommittee);
    List<Long> branchItems = items.itemIds(atBranch);
    change(() -> {
      items.progress(branchItems.get(0), Rectification.AWAITING_VERIFICATION, "材料齐备");
      items.close(branchItems.get(0));
      items.moveDeadline(committeeItems.get(0), today.plusDays(5), "rmyy_shuji", "延期");
    });
    assertThatThrownBy(() -> change(() -> {
      items.close(branchItems.get(1));
      throw new IllegalStateException("拒绝");
    })).isInstanceOf(IllegalStateException.class);
    assertKeptIsSummed();

    // Dues: January generated in two branches and partly paid; February in all three, with a back payment of
    // January (a change of February's arrears at every level) and a batch refused whole.
    collections.generateLedger(b1, "2027-01");
    collections.generateLedger(b2, "2027-01");
    pay(b1, "2027-01", 1, null, "40.00");
    clock(2027, 2, 20);
    for (String branch : List.of(b1, b2, b3)) {
      collections.generateLedger(branch, "2027-02");
    }
    pay(b2, "2027-02", 3, null, "97.50");
    assertKeptIsSummed();
    pay(b1, "2027-02", 2, "2027-01", "15.00");
    assertThatThrownBy(() -> collections.record(b1, "2027-02", List.of(
        payment(1, null, "40.00"), payment(2, null, "99.00")), "nk_dangfei")).isInstanceOf(RuntimeException.class);
    assertKeptIsSummed();

    // The import moves a branch with its items and months to the other 党委.
    importOrganizations(b1 + "," + c2 + ",BRANCH,层级合计测试一支部");
    assertKeptIsSummed();

    // A change of the tree written around the import: the kept figures are refused until counted anew.
    jdbc.update("update pf_organization set parent_id = ? where id = ?", c1, b1);
    assertThat(dashboard.summaryOfSubtrees(List.of(top))).isEmpty();
    assertThat(duesLevels.month(List.of(top), "2027-02")).isEmpty();
    assertThat(duesLevels.months(List.of(top), "2027-01", "2027-02")).isEmpty();
    rectificationLevels.rebuild();
    duesLevels.rebuild();
    assertKeptIsSummed();
  }

  /**
   * For every organization of the tree, the kept summary equals the one summed over its subtree's organizations;
   * for the scope of the 党组 and of each 党委, the dues rows of each month and the months' lines are the same.
   */
  private void assertKeptIsSummed() {
    for (String org : ours) {
      RectificationDashboard.Summary summed = dashboard.summary(directory.selfAndDescendants(org),
          RectificationDashboard.Filter.none());
      RectificationDashboard.Summary kept = dashboard.summaryOfSubtrees(List.of(org)).orElseThrow();
      assertThat(kept.byStatus()).as(org).isEqualTo(summed.byStatus());
      assertThat(kept.byDepartment()).as(org).isEqualTo(summed.byDepartment());
      assertThat(kept.departments()).as(org).isEqualTo(summed.departments());
      assertThat(kept.weeks()).as(org).isEqualTo(summed.weeks());
    }
    assertThat(dashboard.summaryOfSubtrees(List.of(top)).orElseThrow().byStatus().values().stream()
        .mapToLong(Long::longValue).sum()).isPositive();
    for (String root : List.of(top, c1, c2)) {
      Set<String> scope = directory.selfAndDescendants(root);
      ScopeLevels levels = ScopeLevels.of(directory.organizations().stream().filter(o -> scope.contains(o.id()))
          .toList());
      List<String> rows = levels.levels().stream().map(ScopeLevels.Level::orgId).toList();
      for (String period : periods) {
        List<DuesLevels.Row> summed = DuesLevels.month(levels, progress.month(scope, period), period, false);
        List<DuesLevels.Row> kept = DuesLevels.monthOfSubtrees(levels, duesLevels.month(rows, period).orElseThrow(),
            period, false);
        assertThat(kept).as(root + " " + period).isEqualTo(summed);
      }
      Map<String, String> summedNames = new LinkedHashMap<>();
      Map<String, String> keptNames = new LinkedHashMap<>();
      List<DuesProgress.BranchMonth> summed = DuesLevels.monthRates(levels,
          progress.months(scope, periods.get(0), periods.get(1)), periods, summedNames);
      List<DuesProgress.BranchMonth> kept = DuesLevels.monthRatesOfSubtrees(levels,
          duesLevels.months(rows, periods.get(0), periods.get(1)).orElseThrow(), periods, keptNames);
      assertThat(kept).as(root).isEqualTo(summed);
      assertThat(keptNames).as(root).isEqualTo(summedNames);
    }
  }

  private void change(Runnable r) {
    transactions.executeWithoutResult(s -> r.run());
  }

  private long newCase(String org) {
    String pi = "stl-" + tag + "-" + org;
    jdbc.update("insert into pf_rectification_case (org_id, source, status, process_instance_id, created_at)"
        + " values (?, '巡察', '整改中', ?, current_timestamp)", org, pi);
    return jdbc.queryForObject("select id from pf_rectification_case where process_instance_id = ?", Long.class, pi);
  }

  private String person(int n) {
    return "S" + tag + n;
  }

  private void member(int n, String branch, String amount) {
    made.person(person(n));
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, full_member_date,"
        + " on_probation_discipline) values (?, ?, '男', date '1980-01-01', 'FULL_MEMBER', ?, date '2005-07-01',"
        + " false)", person(n), "层" + n, branch);
    jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
        + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from) values (2027, ?, ?,"
        + " 'EMPLOYED', 4000, 0, 0, 4000, 0.01, ?, ?, '在职', 'APPROVED', '2027-01')", branch, person(n),
        new BigDecimal(amount), new BigDecimal(amount));
  }

  private void pay(String branch, String collectedIn, int n, String period, String amount) {
    collections.record(branch, collectedIn, List.of(payment(n, period, amount)), "nk_dangfei");
  }

  private DuesCollectionService.Payment payment(int n, String period, String amount) {
    return new DuesCollectionService.Payment(person(n), period, new BigDecimal(amount), null, ChinaClock.today(),
        "现金", 1, null);
  }

  private void importOrganizations(String... rows) {
    imports.importOrganizations("o.csv", ("id,parent_id,kind,name\n" + String.join("\n", rows) + "\n")
        .getBytes(StandardCharsets.UTF_8), OrganizationImport.Scope.ALL);
  }

  private static void clock(int year, int month, int day) {
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.of(year, month, day, 10, 0)
        .atZone(ChinaClock.ZONE).toInstant()));
  }
}
