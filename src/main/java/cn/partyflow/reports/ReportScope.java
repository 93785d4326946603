package cn.partyflow.reports;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organization a report is about and the organizations it counts: that one and everything below it, less what
 * the reader may not see.
 */
record ReportScope(Organization root, Set<String> orgIds, Map<String, Organization> all) {

  String name(String orgId) {
    Organization o = all.get(orgId);
    return o == null ? orgId : o.name();
  }

  /** The 党支部 a person of {@code orgId} belongs to: the organization itself, or the branch above a 党小组. */
  String branchOf(String orgId) {
    Organization o = all.get(orgId);
    while (o != null && o.kind() == OrganizationKind.CELL && o.parentId() != null) {
      o = all.get(o.parentId());
    }
    return o == null ? orgId : o.id();
  }

  /** The organizations in scope in the registry's order (sort order, then id). */
  List<Organization> ordered() {
    return all.values().stream().filter(o -> orgIds.contains(o.id()))
        .sorted(java.util.Comparator.comparingInt(Organization::sortOrder).thenComparing(Organization::id)).toList();
  }

  static String personHref(String personId) {
    return "/people/" + personId;
  }
}
