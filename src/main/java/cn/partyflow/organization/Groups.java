package cn.partyflow.organization;

import java.util.List;

/** How organizations and roles map onto Camunda group ids. */
public final class Groups {

  /** Every user with a login: may open Tasklist. */
  public static final String USERS = "pf-users";
  /** Holders of an officer role: may start procedures for their organizations. */
  public static final String OFFICERS = "pf-officers";
  /** Discipline inspectors and auditors: read-only history. */
  public static final String AUDITORS = "pf-auditors";
  /** 党委书记 and 分管领导: deadline dashboards. */
  public static final String MANAGERS = "pf-managers";
  public static final String ADMINS = "camunda-admin";
  /**
   * 书记 and 分管领导 of a unit (a 党委 or 党组 with no 党委 or 党组 below it): they read every task of their unit, and
   * their Tasklist has 本单位全部待办.
   */
  public static final String UNIT_LEADERS = "pf-unit-leaders";

  /** The roles whose holders in a unit read the unit's tasks. */
  public static final List<Role> UNIT_LEADER_ROLES = List.of(Role.SECRETARY, Role.LEADER_IN_CHARGE);

  public static final String TYPE_ROLE = "PF_ROLE";
  public static final String TYPE_SCOPE = "PF_SCOPE";
  public static final String TYPE_FUNCTION = "PF_FUNCTION";
  public static final String TYPE_STAFF = "PF_STAFF";

  private Groups() {}

  /** The group a task for role R of organization O goes to, e.g. {@code rmyy-nk.organizer}. */
  public static String roleGroup(String orgId, Role role) {
    return orgId + "." + role.code();
  }

  /**
   * The group of an organization's role holders that reads the organization's cases and those of every organization
   * below it: each case is granted to the scope groups of its organization and of the organizations above. Its id is
   * the organization id.
   */
  public static String scopeGroup(String orgId) {
    return orgId;
  }

  /**
   * Everyone with a role in a 党委 or 党组 or anywhere below it, e.g. {@code rmyy.staff}: they work on each other's
   * tasks, so they see each other's names in Tasklist.
   */
  public static String staffGroup(String committeeId) {
    return committeeId + ".staff";
  }
}
