package cn.partyflow.organization;

import cn.partyflow.shared.SqlScope;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** What the people and roles sheets check their rows against: where everybody belongs, what the importer may grant. */
@Component
class RegistryState {

  private static final int ID_BATCH = 10_000;

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;

  RegistryState(JdbcTemplate jdbc, OrganizationDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /**
   * Each of {@code personIds} that is in the registry, with the organization holding their 组织关系. Only the people a
   * file names: a province's registry holds 4,000,000 people, whose map alone outgrew a gigabyte of heap.
   */
  Map<String, String> organizationOf(Collection<String> personIds) {
    Map<String, String> orgOf = new HashMap<>();
    List<String> ids = List.copyOf(new LinkedHashSet<>(personIds));
    // H2 (the demo) takes at most 65,536 elements in one array; the import's row limit is configurable.
    for (int from = 0; from < ids.size(); from += ID_BATCH) {
      jdbc.query("select id, org_id from pf_person where " + SqlScope.anyOf("id"), (RowCallbackHandler) rs -> {
        orgOf.put(rs.getString(1), rs.getString(2));
      }, SqlScope.ids(ids.subList(from, Math.min(ids.size(), from + ID_BATCH))));
    }
    return orgOf;
  }

  /** What the importer may grant: read from the roles as they stand before the import. */
  RoleGrants grants(OrganizationImport.Scope scope, Map<String, Organization> organizations) {
    Optional<Person> importer = Optional.ofNullable(scope.importer()).flatMap(directory::personByUsername);
    Set<String> departments = new HashSet<>();
    importer.ifPresent(p -> directory.roleAssignmentsOf(p.id()).stream()
        .filter(a -> a.role() == Role.ORG_DEPARTMENT && organizations.containsKey(a.orgId())
            && RoleGrants.isCommitteeLevel(organizations.get(a.orgId())))
        .forEach(a -> departments.add(a.orgId())));
    return new RoleGrants(organizations, scope.isAll(), importer.map(Person::id).orElse(null), departments);
  }
}
