package cn.partyflow.organization;

import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.SheetReader;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organizations, people and role assignments from CSV or XLSX, one {@link RegistrySheet} each. Every row
 * is checked first; a file with any bad row is refused whole, naming each bad row, and changes nothing. Rows are
 * upserted by id (roles replace the roles of each organization in the file); the login accounts and groups follow.
 */
@Service
public class OrganizationImport {

  /** What an import did. */
  public record Result(int inserted, int updated) {}

  /**
   * The organizations an import may touch: every one (the administrator, or {@link #ALL} for the demo seed), or the
   * subtree of the 党委 or 党组 whose 组织部门 imports. Rows about anything outside are refused, naming the row.
   * The importer is the login whose own roles and login name the import may not change; null for the demo seed.
   */
  public record Scope(Set<String> organizations, String importer) {
    public static final Scope ALL = new Scope(null, null);

    public static Scope administrator(String importer) {
      return new Scope(null, importer);
    }

    public static Scope organizationDepartment(Set<String> organizations, String importer) {
      return new Scope(Set.copyOf(organizations), Objects.requireNonNull(importer));
    }

    boolean covers(String orgId) {
      return organizations == null || organizations.contains(orgId);
    }

    boolean isAll() {
      return organizations == null;
    }
  }

  private final SheetReader sheets;
  private final OrganizationSheet organizations;
  private final PersonSheet people;
  private final RoleSheet roles;
  private final IdentitySync identitySync;

  OrganizationImport(SheetReader sheets, OrganizationSheet organizations, PersonSheet people, RoleSheet roles,
      IdentitySync identitySync) {
    this.sheets = sheets;
    this.organizations = organizations;
    this.people = people;
    this.roles = roles;
    this.identitySync = identitySync;
  }

  public Result importOrganizations(String filename, byte[] content) {
    return importOrganizations(filename, content, Scope.ALL);
  }

  public Result importPeople(String filename, byte[] content) {
    return importPeople(filename, content, Scope.ALL);
  }

  public Result importRoles(String filename, byte[] content) {
    return importRoles(filename, content, Scope.ALL);
  }

  @Transactional
  public Result importOrganizations(String filename, byte[] content, Scope scope) {
    return load(organizations, filename, content, scope);
  }

  @Transactional
  public Result importPeople(String filename, byte[] content, Scope scope) {
    return load(people, filename, content, scope);
  }

  @Transactional
  public Result importRoles(String filename, byte[] content, Scope scope) {
    return load(roles, filename, content, scope);
  }

  /**
   * Puts an elected committee into the registry: the roles in {@code replaced} of the organization become exactly
   * {@code committee} (other roles, such as 党费管理员 or 组织部门干事, stay). Checked as an import of the same rows
   * by {@code approver}: every holder a person of the organization or below it, nobody granting or removing a role
   * of their own, and the leading offices of a 党委 only by the administrator or the 组织部门 of the level above.
   * Routing reads the new holders for every task created afterwards.
   */
  @Transactional
  public void installCommittee(String orgId, List<RoleAssignment> committee, Set<Role> replaced, String approver) {
    roles.installCommittee(orgId, committee, replaced, approver);
    identitySync.sync();
  }

  /** Reads the file, checks every row, and writes only when no row is bad. */
  private Result load(RegistrySheet sheet, String filename, byte[] content, Scope scope) {
    RegistrySheet.Checked checked = sheet.check(sheets.read(filename, content, sheet.columns()), scope);
    ImportRefused.ifAny(checked.errors());
    Result result = checked.write().get();
    identitySync.sync();
    return result;
  }
}
