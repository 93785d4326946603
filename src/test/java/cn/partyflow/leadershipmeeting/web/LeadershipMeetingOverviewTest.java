package cn.partyflow.leadershipmeeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestCommittee;
import cn.partyflow.leadershipmeeting.LeadershipMeetingService;
import cn.partyflow.leadershipmeeting.LeadershipMeetingStore;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.RoleAssignment;
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
 * The 民主生活会 overview of several 党委 (two years' cases of one, one of another) and of the whole registry shows,
 * row for row, the cases (newest year first) and the right to start that reading each 党委 on its own shows.
 */
@PostgresTest
class LeadershipMeetingOverviewTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired LeadershipMeetingPages pages;
  @Autowired LeadershipMeetingStore store;
  @Autowired AccessScope scope;
  @Autowired OrganizationDirectory directory;

  TestCommittee committee;
  final int year = ChinaClock.today().getYear();

  @BeforeEach
  void cases() {
    committee = new TestCommittee(jdbc);
    jdbc.update("insert into pf_lm_case (process_instance_id, org_id, meeting_year, started_on, theme) values"
        + " (?, ?, ?, ?, null), (?, ?, ?, ?, '主题'), (?, ?, ?, ?, null)",
        committee.top + "-pi1", committee.committee(1), year - 1, LocalDate.of(year - 1, 1, 2),
        committee.top + "-pi2", committee.committee(1), year, LocalDate.of(year, 1, 2),
        committee.top + "-pi3", committee.committee(3), year, LocalDate.of(year, 1, 3));
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from pf_lm_case where process_instance_id like ?", committee.top + "-%");
    committee.remove();
  }

  @Test
  void theCommitteesOfABigScopeShowWhatEachCommitteeReadAloneShows() {
    List<Map<String, Object>> rows = organizations(TestCommittee.secretary());
    assertThat(rows).isEqualTo(oneByOne(TestCommittee.secretary()));
    Map<String, Object> first = rows.stream().filter(r -> r.get("id").equals(committee.committee(1)))
        .findFirst().orElseThrow();
    assertThat(first).containsEntry("cases", List.of(committee.top + "-pi2", committee.top + "-pi1"))
        .containsEntry("mayStart", true);
    assertThat(rows).filteredOn(r -> r.get("id").equals(committee.committee(2))).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("cases", List.of()).containsEntry("mayStart", false));

    assertThat(organizations(TestCommittee.admin())).isEqualTo(oneByOne(TestCommittee.admin()));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> organizations(Authentication auth) {
    ExtendedModelMap model = new ExtendedModelMap();
    pages.organizations(null, auth, model);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) model.get("organizations")) {
      Map<String, Object> read = new LinkedHashMap<>();
      read.put("id", row.get("id"));
      read.put("cases", ((List<Map<String, Object>>) row.get("cases")).stream().map(c -> c.get("id")).toList());
      read.put("years", ((List<Map<String, Object>>) row.get("cases")).stream()
          .map(c -> ((String) c.get("label")).substring(0, 4)).toList());
      read.put("mayStart", row.get("mayStart"));
      rows.add(read);
    }
    return rows;
  }

  /** The rows as the page read them before: the cases and the starter's role of each 党委 on its own. */
  private List<Map<String, Object>> oneByOne(Authentication auth) {
    Set<String> visible = scope.visibleOrganizations(auth);
    List<RoleAssignment> held = directory.personByUsername(auth.getName())
        .map(p -> directory.roleAssignmentsOf(p.id())).orElse(List.of());
    List<Map<String, Object>> rows = new ArrayList<>();
    directory.organizations().stream().filter(o -> visible.contains(o.id()))
        .filter(LeadershipMeetingService::holdsLeadershipMeeting)
        .sorted(Comparator.comparing(Organization::sortOrder).thenComparing(Organization::id)).forEach(o -> {
          List<LeadershipMeetingStore.Case> cases = store.cases(o.id());
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", o.id());
          row.put("cases", cases.stream().map(LeadershipMeetingStore.Case::processInstanceId).toList());
          row.put("years", cases.stream().map(c -> String.valueOf(c.year())).toList());
          row.put("mayStart", AccessScope.isAdmin(auth) || held.stream().anyMatch(a -> a.orgId().equals(o.id())
              && LeadershipMeetingPages.STARTERS.contains(a.role())));
          rows.add(row);
        });
    return rows;
  }
}
