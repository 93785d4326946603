package cn.partyflow.organization;

/** A party organization: 党组, 党委, 党总支, 党支部 or 党小组. The id is a readable code such as {@code rmyy-nk}. */
public record Organization(
    String id, String parentId, OrganizationKind kind, String name, boolean approvalPower, int sortOrder) {

  /** Whether this is a unit: a 党委 or 党组, whose leaders oversee the organizations below it. */
  public boolean isUnit() {
    return kind == OrganizationKind.PARTY_GROUP || kind == OrganizationKind.COMMITTEE;
  }
}
