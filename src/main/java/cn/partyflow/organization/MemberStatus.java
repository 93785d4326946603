package cn.partyflow.organization;

import java.util.Arrays;
import java.util.Optional;

/** Where a person stands on the way into the Party. */
public enum MemberStatus {
  NON_MEMBER("群众"),
  APPLICANT("入党申请人"),
  ACTIVIST("入党积极分子"),
  TARGET("发展对象"),
  PROBATIONARY("预备党员"),
  FULL_MEMBER("正式党员");

  private final String label;

  MemberStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<MemberStatus> parse(String text) {
    String t = text == null ? "" : text.trim();
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(t) || s.label.equals(t)).findFirst();
  }
}
