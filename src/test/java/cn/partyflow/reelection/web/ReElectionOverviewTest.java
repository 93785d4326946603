package cn.partyflow.reelection.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestCommittee;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OverviewScope;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoleAssignment;
import cn.partyflow.reelection.ReElectionRules;
import cn.partyflow.reelection.ReElectionService;
import cn.partyflow.reelection.TermStore;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;

/**
 * The 换届 overview of 304 test organizations (open and closed cases; a user who may start for some and register
 * terms for others) and of the whole registry shows, for each row, the open case and the user's rights that reading
 * each organization on its own shows.
 */
@PostgresTest
class ReElectionOverviewTest {

  private static final List<String> READ = List.of("id", "open", "mayStart", "mayRegister");

  @Autowired JdbcTemplate jdbc;
  @Autowired ReElectionPages pages;
  @Autowired TermStore store;
  @Autowired ReElectionService service;
  @Autowired AccessScope scope;
  @Autowired OrganizationDirectory directory;
  @Autowired OverviewScope overview;

  TestCommittee committee;

  @BeforeEach
  void cases() {
    committee = new TestCommittee(jdbc);
    jdbc.update("insert into pf_re_case (process_instance_id, org_id, open_org_id, request_type, started_on) values"
        + " (?, ?, ?, 'ELECTION', ?), (?, ?, ?, 'ELECTION', ?), (?, ?, null, 'ELECTION', ?)",
        committee.top + "-pi1", committee.branch(1, 5), committee.branch(1, 5), ChinaClock.today(),
        committee.top + "-pi2", committee.committee(2), committee.committee(2), ChinaClock.today(),
        committee.top + "-pi3", committee.branch(1, 6), ChinaClock.today());
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from pf_re_case where process_instance_id like ?", committee.top + "-%");
    committee.remove();
  }

  @Test
  void theOrganizationsOfABigScopeShowWhatEachOrganizationReadAloneShows() {
    List<Map<String, Object>> rows = organizations(TestCommittee.secretary());
    assertThat(rows).hasSizeGreaterThan(3 * TestCommittee.BRANCHES).isEqualTo(oneByOne(TestCommittee.secretary()));
    assertThat(row(rows, committee.branch(1, 5)).get("open")).isNotNull();
    assertThat(row(rows, committee.branch(1, 6)).get("open")).isNull();
    // The test 党委's 书记 starts for the 党委 below it; its first 党委's 组织部门干事 registers for that one's branches.
    assertThat(row(rows, committee.committee(2))).containsEntry("mayStart", true).containsEntry("mayRegister", false);
    assertThat(row(rows, committee.branch(1, 5))).containsEntry("mayStart", true).containsEntry("mayRegister", true);
    assertThat(row(rows, committee.branch(2, 5))).containsEntry("mayStart", false).containsEntry("mayRegister", false);

    assertThat(organizations(TestCommittee.admin())).isEqualTo(oneByOne(TestCommittee.admin()));
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String id) {
    return rows.stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
  }

  /** The page's rows of every elected organization in scope, as a scope of at most 200 rows shows them all. */
  private List<Map<String, Object>> organizations(Authentication auth) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : pages.rows(auth, overview.inScope(scope.visibleOrganizations(auth),
        o -> ReElectionRules.isElected(o.kind())))) {
      Map<String, Object> read = new LinkedHashMap<>();
      READ.forEach(k -> read.put(k, row.get(k)));
      rows.add(read);
    }
    return rows;
  }

  /** The rows as the page read them before: the open case and the higher 党委 of each organization on its own. */
  private List<Map<String, Object>> oneByOne(Authentication auth) {
    Set<String> visible = scope.visibleOrganizations(auth);
    boolean admin = AccessScope.isAdmin(auth);
    List<RoleAssignment> held = directory.personByUsername(auth.getName())
        .map(p -> directory.roleAssignmentsOf(p.id())).orElse(List.of());
    List<Map<String, Object>> rows = new ArrayList<>();
    directory.organizations().stream().filter(o -> visible.contains(o.id()))
        .filter(o -> ReElectionRules.isElected(o.kind()))
        .sorted(Comparator.comparing(Organization::sortOrder).thenComparing(Organization::id)).forEach(o -> {
          String higher;
          try {
            higher = service.higher(o).id();
          } catch (RuleViolation e) {
            higher = null;
          }
          String h = higher;
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", o.id());
          row.put("open", store.openCase(o.id()).orElse(null));
          row.put("mayStart", admin || held.stream().anyMatch(a -> (a.orgId().equals(o.id())
              && ReElectionPages.OWN_STARTERS.contains(a.role()))
              || (a.orgId().equals(h) && ReElectionPages.HIGHER_STARTERS.contains(a.role()))));
          row.put("mayRegister", admin || h != null && held.stream().anyMatch(a -> a.orgId().equals(h)
              && a.role() == Role.ORG_DEPARTMENT));
          rows.add(row);
        });
    return rows;
  }
}
