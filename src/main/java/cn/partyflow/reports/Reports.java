package cn.partyflow.reports;

import cn.partyflow.memberdevelopment.MemberDevelopmentSettings;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Builds the statistics of an organization for a period as the signed-in user may see them: the organization must
 * be one the user sees ({@link AccessScope}, the rule of the roster and the auditors' search), and only the
 * organizations below it that the user sees are counted. Each area is read with one set-based query (two for dues).
 */
@Service
class Reports {

  private final AccessScope access;
  private final OrganizationDirectory directory;
  private final DevelopmentCases developmentCases;
  private final RectificationFigures rectification;
  private final DuesFigures dues;
  private final MemberDevelopmentSettings membership;
  private final OrgLifeFigures orgLife;
  private final DutyReviewFigures dutyReview;

  Reports(AccessScope access, OrganizationDirectory directory, DevelopmentCases developmentCases,
      RectificationFigures rectification, DuesFigures dues, MemberDevelopmentSettings membership,
      OrgLifeFigures orgLife, DutyReviewFigures dutyReview) {
    this.orgLife = orgLife;
    this.dutyReview = dutyReview;
    this.access = access;
    this.directory = directory;
    this.developmentCases = developmentCases;
    this.rectification = rectification;
    this.dues = dues;
    this.membership = membership;
  }

  /** The organizations the user may report on, highest first (the top of each subtree the user sees). */
  List<Organization> organizations(Authentication auth) {
    Set<String> visible = access.visibleOrganizations(auth);
    Map<String, Organization> all = directory.organizationsById();
    return all.values().stream().filter(o -> visible.contains(o.id()))
        .sorted(Comparator.comparingInt((Organization o) -> depth(o, all)).thenComparingInt(Organization::sortOrder)
            .thenComparing(Organization::id))
        .toList();
  }

  /** The organization the user asked for, or the highest one the user sees; empty when it is not theirs to see. */
  Optional<ReportScope> scope(Authentication auth, String orgId) {
    Set<String> visible = access.visibleOrganizations(auth);
    List<Organization> mine = organizations(auth);
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    String root = orgId == null || orgId.isBlank() ? mine.get(0).id() : orgId.trim();
    if (!visible.contains(root)) {
      return Optional.empty();
    }
    Map<String, Organization> all = directory.organizationsById();
    Set<String> ids = new LinkedHashSet<>(directory.selfAndDescendants(root));
    ids.retainAll(visible);
    return Optional.of(new ReportScope(all.get(root), ids, all));
  }

  Report build(ReportScope scope, Period period) {
    LocalDate today = ChinaClock.today();
    LocalDate asOf = period.asOf(today);
    Figures f = new Figures();
    f.number("orgName", scope.root().name());
    f.number("period", period.label());
    f.number("asOf", asOf.toString());
    f.number("year", period.from().getYear());
    List<Person> people = directory.people(scope.orgIds());
    Map<String, List<Ref>> overdue = developmentCases.overdue(scope, java.util.Date.from(ChinaClock.now()));
    List<Ref> overdueAll = overdue.values().stream().flatMap(List::stream).toList();
    List<Report.Section> sections = new ArrayList<>();
    sections.add(new Report.Section("members", "党员队伍", MemberFigures.members(people, scope, asOf, f)));
    sections.add(new Report.Section("development", "发展党员", MemberFigures.development(people, scope, period,
        membership.getProbationMonths(), developmentCases.extended(scope, period),
        developmentCases.cancelled(scope, period), overdueAll, overdue, f)));
    sections.add(new Report.Section("orglife", "组织生活", orgLife.tables(scope, period, f)));
    sections.add(new Report.Section("dutyreview", "书记述职评议", dutyReview.tables(scope, period, f)));
    sections.add(new Report.Section("rectification", "整改落实", RectificationFigures.tables(
        rectification.items(scope, period), scope, period, asOf, today, f)));
    sections.add(new Report.Section("dues", "党费收缴", dues.tables(scope, period, f)));
    return new Report(scope.root().id(), scope.root().name(), period, asOf, sections, f);
  }

  private static int depth(Organization o, Map<String, Organization> all) {
    int d = 0;
    for (Organization p = o; p.parentId() != null && all.containsKey(p.parentId()) && d < 50;
        p = all.get(p.parentId())) {
      d++;
    }
    return d;
  }
}
