package cn.partyflow.organization;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may grant or remove a role, for separation of duties. Nobody grants or removes a role of their own. The offices
 * that lead a 党委 or 党组 (书记, 副书记, 纪委/审计, 组织部门干事, 分管领导) are granted and removed only by the
 * administrator or by the 组织部门 of the nearest 党委 or 党组 above it, never by the unit's own 组织部门, which would
 * otherwise choose its own auditors and superiors.
 */
final class RoleGrants {

  static final Set<Role> LEADING_OFFICES = EnumSet.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.AUDITOR,
      Role.ORG_DEPARTMENT, Role.LEADER_IN_CHARGE);

  private final Map<String, Organization> organizations;
  private final boolean administrator;
  private final String importerPersonId;
  private final Set<String> departments;

  /**
   * @param importerPersonId the importer's own person record, or null when the importer has none (the administrator)
   * @param departments the 党委 and 党组 where the importer is 组织部门干事
   */
  RoleGrants(Map<String, Organization> organizations, boolean administrator, String importerPersonId,
      Set<String> departments) {
    this.organizations = organizations;
    this.administrator = administrator;
    this.importerPersonId = importerPersonId;
    this.departments = Set.copyOf(departments);
  }

  /** Why the importer may not give this role, if they may not. */
  Optional<String> refusalToGrant(RoleAssignment a) {
    if (isOwn(a.personId())) {
      return Optional.of("不能给本人任命职务（" + office(a) + "），本人的职务由上级组织部门或系统管理员任免");
    }
    return refusalForOffice(a).map(reason -> "不能任命人员" + a.personId() + "为" + office(a) + "：" + reason);
  }

  /** Why the importer may not take this role away, if they may not. */
  Optional<String> refusalToRemove(RoleAssignment a) {
    if (isOwn(a.personId())) {
      return Optional.of("本文件将免去您本人的" + office(a) + "职务（文件中列出的组织的职务整体替换）；本人的职务由上级组织部门或系统管理员任免");
    }
    return refusalForOffice(a).map(reason -> "本文件将免去人员" + a.personId() + "的" + office(a)
        + "职务（文件中列出的组织的职务整体替换）：" + reason);
  }

  /**
   * Why the importer may not change the login of this role's holder, if they may not: whoever logs in with the new
   * name holds the office, so the change is a grant.
   */
  Optional<String> refusalToChangeLogin(RoleAssignment a) {
    return refusalForOffice(a).map(reason -> "人员" + a.personId() + "任" + office(a) + "，修改其登录名等同于任免这一职务："
        + reason);
  }

  boolean isOwn(String personId) {
    return importerPersonId != null && importerPersonId.equals(personId);
  }

  private Optional<String> refusalForOffice(RoleAssignment a) {
    Organization org = organizations.get(a.orgId());
    if (administrator || org == null || !isCommitteeLevel(org) || !LEADING_OFFICES.contains(a.role())) {
      return Optional.empty();
    }
    Optional<Organization> above = levelAbove(org);
    if (above.isPresent() && departments.contains(above.get().id())) {
      return Optional.empty();
    }
    return Optional.of(org.kind().label() + "的书记、副书记、纪委/审计、组织部门干事和分管领导只能由系统管理员"
        + above.map(o -> "或上级" + o.name() + "的组织部门").orElse("") + "任免");
  }

  /** The nearest 党委 or 党组 above the organization, if any. */
  Optional<Organization> levelAbove(Organization org) {
    Set<String> seen = new HashSet<>();
    seen.add(org.id());
    for (Organization o = parent(org); o != null && seen.add(o.id()); o = parent(o)) {
      if (isCommitteeLevel(o)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  static boolean isCommitteeLevel(Organization o) {
    return o.isUnit();
  }

  private Organization parent(Organization o) {
    return o.parentId() == null ? null : organizations.get(o.parentId());
  }

  private String office(RoleAssignment a) {
    Organization org = organizations.get(a.orgId());
    return (org == null ? a.orgId() : org.name()) + a.role().label();
  }
}
