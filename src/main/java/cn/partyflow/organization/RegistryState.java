package cn.partyflow.organization;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the people and roles sheets check their rows against: where everybody belongs, what the importer may grant. */
@Component
class RegistryState {

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;

  RegistryState(JdbcTemplate jdbc, OrganizationDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /** Every person's id with the organization holding their 组织关系. */
  Map<String, String> organizationOfEveryPerson() {
    Map<String, String> orgOf = new HashMap<>();
    jdbc.query("select id, org_id from pf_person", rs -> {
      orgOf.put(rs.getString(1), rs.getString(2));
    });
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
