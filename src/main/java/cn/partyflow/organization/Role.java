package cn.partyflow.organization;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles a person can hold in an organization. The code is the suffix of the Camunda group
 * {@code <orgId>.<code>} that tasks for that role are routed to.
 */
public enum Role {
  SECRETARY("secretary", "书记", Function.OFFICER),
  DEPUTY_SECRETARY("deputy", "副书记", Function.OFFICER),
  ORGANIZER("organizer", "组织委员", Function.OFFICER),
  PROPAGANDA("propaganda", "宣传委员", Function.OFFICER),
  DISCIPLINE("discipline", "纪检委员", Function.OFFICER),
  BRANCH_COMMITTEE("member", "支部委员", Function.OFFICER),
  PARTY_COMMITTEE("committee", "党委委员", Function.OFFICER),
  ORG_DEPARTMENT("orgdept", "组织部门干事", Function.OFFICER),
  DUES_KEEPER("dues", "党费管理员", Function.OFFICER),
  AUDITOR("auditor", "纪委/审计", Function.AUDITOR),
  LEADER_IN_CHARGE("leader", "分管领导", Function.MANAGER),
  DEPARTMENT_HEAD("depthead", "科室负责人", Function.OFFICER),
  /** The county committee's inspection office (巡察办): receives 巡察 plans and reports and accepts items. */
  INSPECTION_OFFICE("inspection", "巡察办", Function.OFFICER);

  /** What the holder does in the system, which decides the applications and pages they get. */
  public enum Function {
    OFFICER,
    AUDITOR,
    MANAGER
  }

  private final String code;
  private final String label;
  private final Function function;

  Role(String code, String label, Function function) {
    this.code = code;
    this.label = label;
    this.function = function;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public Function function() {
    return function;
  }

  public static Optional<Role> parse(String text) {
    String t = text == null ? "" : text.trim();
    return Arrays.stream(values())
        .filter(r -> r.code.equalsIgnoreCase(t) || r.name().equalsIgnoreCase(t) || r.label.equals(t))
        .findFirst();
  }
}
