package cn.partyflow.organization;

/** A person holds a role in an organization. */
public record RoleAssignment(String orgId, String personId, Role role) {

  public String groupId() {
    return Groups.roleGroup(orgId, role);
  }
}
