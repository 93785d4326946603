package cn.partyflow.organization;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of party organization, in the order they nest. */
public enum OrganizationKind {
  PARTY_GROUP("党组"),
  COMMITTEE("党委"),
  GENERAL_BRANCH("党总支"),
  BRANCH("党支部"),
  CELL("党小组");

  private final String label;

  OrganizationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Only a 党委 may be granted the power to approve new members; a 党组 or 党总支 never is. */
  public boolean mayHoldApprovalPower() {
    return this == COMMITTEE;
  }

  public static Optional<OrganizationKind> parse(String text) {
    String t = text == null ? "" : text.trim();
    return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t) || k.label.equals(t)).findFirst();
  }
}
