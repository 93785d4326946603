package cn.partyflow.organization;

/**
 * Routing for process unit tests without a database: role R of organization O is always {@code O.R}, and approvals
 * go to one fixed committee. Register it with {@code Mocks.register("routing", new FixedRouting("rmyy"))}.
 */
public class FixedRouting {

  private final String approvalOrgId;

  public FixedRouting(String approvalOrgId) {
    this.approvalOrgId = approvalOrgId;
  }

  public String group(String orgId, String role) {
    return orgId + "." + Role.parse(role).orElseThrow().code();
  }

  public String approvalGroup(String orgId, String role) {
    return group(approvalOrgId, role);
  }

  public String approvalOrgId(String orgId) {
    return approvalOrgId;
  }

  public String orgName(String orgId) {
    return orgId;
  }
}
