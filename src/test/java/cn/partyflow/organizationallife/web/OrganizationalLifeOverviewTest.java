package cn.partyflow.organizationallife.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestCommittee;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.OverviewScope;
import cn.partyflow.organizationallife.MeetingStore;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Counts;
import cn.partyflow.organizationallife.OrganizationalLifeRules;
import cn.partyflow.organizationallife.Period;
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

/**
 * The 组织生活 overview of a scope of 300 test branches (years started, one closed, meetings in this quarter and
 * before it) and of the whole registry shows, row for row, what reading each branch on its own shows.
 */
@PostgresTest
class OrganizationalLifeOverviewTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired OrganizationalLifePages pages;
  @Autowired MeetingStore store;
  @Autowired AccessScope scope;
  @Autowired OrganizationDirectory directory;
  @Autowired OverviewScope overview;

  TestCommittee committee;
  final int year = ChinaClock.today().getYear();

  @BeforeEach
  void yearsAndMeetings() {
    committee = new TestCommittee(jdbc);
    LocalDate today = ChinaClock.today();
    LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
    jdbc.update("insert into pf_ol_year (branch_id, year_no, process_instance_id, started_on, started_by, closed_on)"
        + " select id, ?, 'ov-pi-' || id, ?, 'test', case when id = ? then cast(? as date) end from pf_organization"
        + " where parent_id = ? or parent_id = ?", year, LocalDate.of(year, 1, 2), committee.branch(1, 3),
        LocalDate.of(year, 1, 3), committee.committee(1), committee.committee(2));
    for (Object[] m : List.of(new Object[] {committee.branch(1, 3), "THEME_DAY", quarterStart, 10, 9},
        new Object[] {committee.branch(1, 3), "COMMITTEE_MEETING", LocalDate.of(year, 1, 1), 5, 5},
        new Object[] {committee.branch(1, 3), "GENERAL_MEETING", quarterStart, 30, 20},
        new Object[] {committee.branch(2, 40), "PARTY_LECTURE", LocalDate.of(year, 1, 1), 12, 11})) {
      jdbc.update("insert into pf_ol_meeting (branch_id, year_no, meeting_type, held_on, topic, chair_id, recorder_id,"
          + " entitled, present, voting_entitled, voting_present, recorded_by, recorded_at)"
          + " values (?, ?, ?, ?, '测试', 'P001', 'P001', ?, ?, ?, ?, 'test', current_timestamp)",
          m[0], year, m[1], m[2], m[3], m[4], m[3], m[4]);
    }
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from pf_ol_meeting where branch_id like ?", committee.top + "-%");
    jdbc.update("delete from pf_ol_year where branch_id like ?", committee.top + "-%");
    committee.remove();
  }

  @Test
  void theBranchesOfABigScopeShowWhatEachBranchReadAloneShows() {
    List<Map<String, Object>> rows = branches(TestCommittee.secretary());
    assertThat(rows).hasSizeGreaterThan(3 * TestCommittee.BRANCHES).isEqualTo(oneByOne(TestCommittee.secretary()));
    Map<String, Object> closed = rows.stream().filter(r -> r.get("id").equals(committee.branch(1, 3)))
        .findFirst().orElseThrow();
    assertThat(closed.get("state")).isEqualTo("已结束");
    assertThat(((Counts) closed.get("year")).threeMeetingsOneLesson()).isEqualTo(2);
    assertThat(((Counts) closed.get("year")).themeDays()).isEqualTo(1);
    assertThat(rows).filteredOn(r -> r.get("id").equals(committee.branch(3, 1)))
        .singleElement().extracting(r -> r.get("state")).isEqualTo("未发起");

    assertThat(branches(TestCommittee.admin())).isEqualTo(oneByOne(TestCommittee.admin()));
  }

  /** The page's rows of every branch in scope, as a scope of at most 200 rows shows them all. */
  private List<Map<String, Object>> branches(Authentication auth) {
    return pages.rows(overview.inScope(scope.visibleOrganizations(auth), OrganizationalLifePages::listed), year);
  }

  /** The rows as the page read them before: the year's case and the meetings of each branch on its own. */
  private List<Map<String, Object>> oneByOne(Authentication auth) {
    Set<String> visible = scope.visibleOrganizations(auth);
    LocalDate today = ChinaClock.today();
    Period quarter = Period.quarter(year, today.getYear() == year ? (today.getMonthValue() - 1) / 3 + 1 : 4);
    List<Map<String, Object>> rows = new ArrayList<>();
    directory.organizations().stream().filter(o -> visible.contains(o.id()))
        .filter(o -> o.kind() == OrganizationKind.BRANCH || o.kind() == OrganizationKind.GENERAL_BRANCH)
        .sorted(Comparator.comparing(Organization::sortOrder).thenComparing(Organization::id)).forEach(o -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", o.id());
          row.put("name", o.name());
          row.put("state", store.yearCase(o.id(), year).map(c -> c.closedOn() == null ? "进行中" : "已结束")
              .orElse("未发起"));
          row.put("year", OrganizationalLifeRules.counts(store.held(o.id(), year), Period.year(year)));
          row.put("quarter", OrganizationalLifeRules.counts(store.held(o.id(), year), quarter));
          rows.add(row);
        });
    return rows;
  }
}
