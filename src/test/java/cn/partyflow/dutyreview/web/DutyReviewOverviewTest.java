package cn.partyflow.dutyreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestCommittee;
import cn.partyflow.dutyreview.DutyReviewService.Candidate;
import cn.partyflow.dutyreview.DutyReviewStore;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Role;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
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
import org.springframework.ui.ExtendedModelMap;

/**
 * The 述职评议 overview of several 党委 (cases of this and last year, a 组织部门干事 who may start, secretaries to
 * choose) and of the whole registry shows, row for row, what reading each 党委 on its own shows.
 */
@PostgresTest
class DutyReviewOverviewTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired DutyReviewPages pages;
  @Autowired DutyReviewStore store;
  @Autowired AccessScope scope;
  @Autowired OrganizationDirectory directory;

  TestCommittee committee;
  final int year = ChinaClock.today().getYear();

  @BeforeEach
  void cases() {
    committee = new TestCommittee(jdbc);
    jdbc.update("insert into pf_dr_case (process_instance_id, org_id, year_no, started_on, started_by) values"
        + " (?, ?, ?, ?, 'test'), (?, ?, ?, ?, 'test'), (?, ?, ?, ?, 'test')",
        committee.top + "-pi1", committee.committee(1), year, LocalDate.of(year, 1, 2),
        committee.top + "-pi2", committee.committee(1), year - 1, LocalDate.of(year - 1, 1, 2),
        committee.top + "-pi3", committee.committee(2), year - 1, LocalDate.of(year - 1, 1, 3));
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from pf_dr_case where process_instance_id like ?", committee.top + "-%");
    committee.remove();
  }

  @Test
  void theCommitteesOfABigScopeShowWhatEachCommitteeReadAloneShows() {
    List<Map<String, Object>> rows = organizations(TestCommittee.secretary());
    assertThat(rows).isEqualTo(oneByOne(TestCommittee.secretary()));
    Map<String, Object> first = rows.stream().filter(r -> r.get("id").equals(committee.committee(1)))
        .findFirst().orElseThrow();
    assertThat(((DutyReviewStore.Case) first.get("current")).processInstanceId()).isEqualTo(committee.top + "-pi1");
    assertThat(((DutyReviewStore.Case) first.get("previous")).processInstanceId()).isEqualTo(committee.top + "-pi2");
    assertThat(first.get("mayStart")).isEqualTo(true);
    assertThat((List<?>) first.get("candidates")).extracting("username").containsExactly("rmyy_fushuji");

    assertThat(organizations(TestCommittee.admin())).isEqualTo(oneByOne(TestCommittee.admin()));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> organizations(Authentication auth) {
    ExtendedModelMap model = new ExtendedModelMap();
    pages.organizations(null, auth, model);
    return (List<Map<String, Object>>) model.get("organizations");
  }

  /** The rows as the page read them before: the cases, the starter's role and the secretaries of each 党委 alone. */
  private List<Map<String, Object>> oneByOne(Authentication auth) {
    Set<String> visible = scope.visibleOrganizations(auth);
    List<String> ownDepartments = directory.personByUsername(auth.getName()).map(p -> directory
        .roleAssignmentsOf(p.id()).stream().filter(a -> a.role() == Role.ORG_DEPARTMENT).map(a -> a.orgId()).toList())
        .orElse(List.of());
    List<Map<String, Object>> rows = new ArrayList<>();
    directory.organizations().stream().filter(o -> visible.contains(o.id()))
        .filter(o -> o.kind() == OrganizationKind.COMMITTEE || o.kind() == OrganizationKind.PARTY_GROUP)
        .sorted(Comparator.comparing(Organization::sortOrder).thenComparing(Organization::id)).forEach(o -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", o.id());
          row.put("name", o.name());
          row.put("current", store.caseOf(o.id(), year).orElse(null));
          row.put("previous", store.caseOf(o.id(), year - 1).orElse(null));
          boolean mayStart = AccessScope.isAdmin(auth) || ownDepartments.contains(o.id());
          row.put("mayStart", mayStart);
          row.put("candidates", mayStart ? candidates(o.id()) : List.of());
          rows.add(row);
        });
    return rows;
  }

  private List<Candidate> candidates(String orgId) {
    Map<String, Candidate> out = new LinkedHashMap<>();
    directory.organizations().stream().filter(o -> orgId.equals(o.parentId()))
        .filter(o -> o.kind() != OrganizationKind.CELL)
        .sorted(Comparator.comparingInt(Organization::sortOrder).thenComparing(Organization::id))
        .forEach(o -> directory.holders(o.id(), Role.SECRETARY).stream()
            .filter(p -> p.username() != null && !p.username().isBlank())
            .forEach(p -> out.putIfAbsent(p.id(), new Candidate(p.id(), p.name(), o.id(), o.name(), p.username()))));
    return new ArrayList<>(out.values());
  }
}
