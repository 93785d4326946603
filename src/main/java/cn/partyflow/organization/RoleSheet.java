package cn.partyflow.organization;

import cn.partyflow.shared.ImportRefused.RowError;
import cn.partyflow.shared.RowCheck;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SheetReader;
import cn.partyflow.shared.SheetRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The roles sheet: the role assignments of each organization in the file replace that organization's assignments.
 * Every role the file grants and every role it removes is checked against the importer ({@link RoleGrants}); roles
 * kept as they were are not. An elected committee is installed with the same checks.
 */
@Component
class RoleSheet implements RegistrySheet {

  static final Map<String, String> COLUMNS = SheetReader.columns(
      "org_id", "组织编号", "person_id", "人员编号", "role", "职务");

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;
  private final IdentityService identity;
  private final RegistryState registry;

  RoleSheet(JdbcTemplate jdbc, OrganizationDirectory directory, IdentityService identity, RegistryState registry) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.identity = identity;
    this.registry = registry;
  }

  @Override
  public Map<String, String> columns() {
    return COLUMNS;
  }

  @Override
  public Checked check(List<SheetRow> rows, OrganizationImport.Scope scope) {
    Map<String, Organization> organizations = directory.organizationsById();
    Set<String> orgs = organizations.keySet();
    Map<String, String> people = registry.organizationOf(rows.stream().map(r -> r.get("person_id")).toList());
    RoleGrants grants = registry.grants(scope, organizations);
    Set<RoleAssignment> current = new HashSet<>(directory.roleAssignments());
    Map<String, Integer> firstLineOf = new HashMap<>();
    List<RoleAssignment> assignments = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<RowError> errors = new ArrayList<>();
    for (SheetRow sheetRow : rows) {
      RowCheck row = sheetRow.check();
      String org = row.required("org_id", "组织编号");
      String person = row.required("person_id", "人员编号");
      Role role = Role.parse(row.get("role")).orElse(null);
      if (role == null) {
        row.problem("职务“" + row.get("role") + "”无效");
      }
      if (!org.isEmpty() && !orgs.contains(org)) {
        row.problem("组织" + org + "不存在");
      } else if (!org.isEmpty() && !scope.covers(org)) {
        row.problem("组织" + org + "不在您的管理范围内");
      }
      if (!person.isEmpty() && !people.containsKey(person)) {
        row.problem("人员" + person + "不存在");
      } else if (!person.isEmpty() && !scope.covers(people.get(person))) {
        row.problem("人员" + person + "不在您的管理范围内");
      }
      if (row.ok() && !seen.add(org + "/" + person + "/" + role)) {
        row.problem("与前面的行重复");
      }
      if (orgs.contains(org) && scope.covers(org)) {
        firstLineOf.putIfAbsent(org, row.line());
      }
      if (row.ok()) {
        RoleAssignment a = new RoleAssignment(org, person, role);
        if (!current.contains(a)) {
          grants.refusalToGrant(a).ifPresent(row::problem);
        }
        assignments.add(a);
      }
      errors.addAll(row.errors());
    }
    Set<RoleAssignment> wanted = new HashSet<>(assignments);
    current.stream().filter(a -> firstLineOf.containsKey(a.orgId()) && !wanted.contains(a))
        .sorted(Comparator.comparing(RoleAssignment::orgId).thenComparing(RoleAssignment::role)
            .thenComparing(RoleAssignment::personId))
        .forEach(a -> grants.refusalToRemove(a)
            .ifPresent(p -> errors.add(new RowError(firstLineOf.get(a.orgId()), p))));
    errors.sort(Comparator.comparingInt(RowError::line));
    return new Checked(errors, () -> write(assignments));
  }

  private OrganizationImport.Result write(List<RoleAssignment> assignments) {
    Set<String> replaced = new HashSet<>();
    assignments.forEach(a -> replaced.add(a.orgId()));
    int removed = 0;
    for (String org : replaced) {
      removed += jdbc.update("delete from pf_role_assignment where org_id = ?", org);
    }
    for (RoleAssignment a : assignments) {
      insert(a);
    }
    return new OrganizationImport.Result(assignments.size(), removed);
  }

  /** See {@link OrganizationImport#installCommittee}. */
  void installCommittee(String orgId, List<RoleAssignment> committee, Set<Role> replaced, String approver) {
    Map<String, Organization> organizations = directory.organizationsById();
    if (!organizations.containsKey(orgId)) {
      throw new RuleViolation("organization.unknownOrganization", "组织" + orgId + "不存在");
    }
    Set<String> subtree = directory.selfAndDescendants(orgId);
    Map<String, String> people = registry.organizationOf(committee.stream().map(RoleAssignment::personId).toList());
    boolean admin = approver != null && identity.createUserQuery().userId(approver).memberOfGroup(Groups.ADMINS)
        .count() > 0;
    OrganizationImport.Scope scope = admin ? OrganizationImport.Scope.administrator(approver)
        : new OrganizationImport.Scope(subtree, approver);
    RoleGrants grants = registry.grants(scope, organizations);
    List<String> problems = new ArrayList<>();
    for (RoleAssignment a : committee) {
      if (!a.orgId().equals(orgId) || !replaced.contains(a.role())) {
        problems.add("选举只产生" + organizations.get(orgId).name() + "的委员职务，不能任命" + a.role().label());
      } else if (!subtree.contains(people.get(a.personId()))) {
        problems.add("人员" + a.personId() + "不是" + organizations.get(orgId).name() + "的党员");
      }
    }
    Set<RoleAssignment> current = new HashSet<>(directory.roleAssignments());
    Set<RoleAssignment> wanted = new HashSet<>(committee);
    committee.stream().filter(a -> !current.contains(a))
        .forEach(a -> grants.refusalToGrant(a).ifPresent(problems::add));
    current.stream().filter(a -> a.orgId().equals(orgId) && replaced.contains(a.role()) && !wanted.contains(a))
        .forEach(a -> grants.refusalToRemove(a).ifPresent(problems::add));
    if (!problems.isEmpty()) {
      throw new RuleViolation("organization.committeeInstall", String.join("；", problems));
    }
    for (Role role : replaced) {
      jdbc.update("delete from pf_role_assignment where org_id = ? and role = ?", orgId, role.name());
    }
    wanted.forEach(this::insert);
  }

  private void insert(RoleAssignment a) {
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, ?, ?)", a.orgId(),
        a.personId(), a.role().name());
  }
}
