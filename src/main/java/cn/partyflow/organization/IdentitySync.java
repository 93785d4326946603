package cn.partyflow.organization;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Derives Camunda users, groups and memberships from the organization model, so that the model stays the one
 * place where roles are kept. Idempotent: running it twice changes nothing the second time.
 *
 * <p>A login the registry no longer has (a person's login name changed or cleared by an import) is deleted with its
 * memberships and the authorizations granted to it, so that the old name and its password cannot sign in any more.
 * Only users the registry made are deleted (members of {@link Groups#USERS}); administrators are never deleted here.
 *
 * <p>Groups: one per organization and role ({@code rmyy-nk.organizer}), one per organization for reading cases (its
 * role holders; a case is granted to the groups of its organization and of every organization above, and
 * {@link CaseReadPaths} keeps those grants in step with the tree), one per 党委 or 党组 for everyone with a role in it
 * or below it, and the function groups that decide which applications a user gets. A person is in the groups of the
 * organizations of his roles only, never in one per organization below them: a province's 书记 is in a handful of
 * groups, which the engine binds into every query he makes.
 *
 * <p>Names: Tasklist shows an assignee's name only to a user who may read that user. A person's name is readable by
 * the staff of the nearest 党委 or 党组 at or above each of their roles and by the role holders above it (who
 * approve and inspect its work); people of another unit see neither name nor e-mail address.
 */
@Service
public class IdentitySync {

  private final OrganizationDirectory directory;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final JdbcTemplate jdbc;
  private final CaseReadPaths readPaths;
  private final String demoPassword;

  IdentitySync(OrganizationDirectory directory, IdentityService identity, AuthorizationService authorizations,
      JdbcTemplate jdbc, CaseReadPaths readPaths, @Value("${partyflow.demo:false}") boolean demo) {
    this.directory = directory;
    this.readPaths = readPaths;
    this.jdbc = jdbc;
    this.identity = identity;
    this.authorizations = authorizations;
    this.demoPassword = demo ? "demo" : null;
  }

  public synchronized void sync() {
    Authentication previous = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      syncAll();
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      }
    }
  }

  private void syncAll() {
    Map<String, Organization> orgs = directory.organizationsById();
    List<Person> loginPeople = directory.peopleWithLogin();
    Map<String, Person> byId = new HashMap<>();
    loginPeople.forEach(p -> byId.put(p.id(), p));

    Map<String, String> groupNames = new HashMap<>();
    Map<String, String> groupTypes = new HashMap<>();
    Map<String, Set<String>> members = new HashMap<>();
    fn(groupNames, groupTypes, Groups.USERS, "全部用户");
    fn(groupNames, groupTypes, Groups.OFFICERS, "组织工作人员");
    fn(groupNames, groupTypes, Groups.AUDITORS, "纪检审计人员");
    fn(groupNames, groupTypes, Groups.MANAGERS, "领导");
    fn(groupNames, groupTypes, Groups.UNIT_LEADERS, "本单位领导");
    for (Organization o : orgs.values()) {
      groupNames.put(Groups.scopeGroup(o.id()), o.name());
      groupTypes.put(Groups.scopeGroup(o.id()), Groups.TYPE_SCOPE);
      if (RoleGrants.isCommitteeLevel(o)) {
        groupNames.put(Groups.staffGroup(o.id()), o.name() + "工作人员");
        groupTypes.put(Groups.staffGroup(o.id()), Groups.TYPE_STAFF);
      }
      for (Role r : Role.values()) {
        groupNames.put(Groups.roleGroup(o.id(), r), o.name() + r.label());
        groupTypes.put(Groups.roleGroup(o.id(), r), Groups.TYPE_ROLE);
      }
    }
    Set<String> upperUnits = new HashSet<>();
    for (Organization o : orgs.values()) {
      if (RoleGrants.isCommitteeLevel(o)) {
        Organization above = o.parentId() == null ? null : OrganizationDirectory.unitOf(orgs, o.parentId());
        if (above != null) {
          upperUnits.add(above.id());
        }
      }
    }
    Map<String, Set<String>> nameReaders = new HashMap<>();
    for (Person p : loginPeople) {
      add(members, Groups.USERS, p.username());
    }
    for (RoleAssignment a : directory.roleAssignments()) {
      Person p = byId.get(a.personId());
      if (p == null || !orgs.containsKey(a.orgId())) {
        continue;
      }
      add(members, a.groupId(), p.username());
      for (Organization o = orgs.get(a.orgId()); o != null; o = o.parentId() == null ? null : orgs.get(o.parentId())) {
        if (RoleGrants.isCommitteeLevel(o)) {
          add(members, Groups.staffGroup(o.id()), p.username());
        }
      }
      Organization unit = OrganizationDirectory.unitOf(orgs, a.orgId());
      if (unit != null) {
        add(nameReaders, p.username(), Groups.staffGroup(unit.id()));
      }
      for (Organization o = unit != null ? unit : orgs.get(a.orgId()); o != null;
          o = o.parentId() == null ? null : orgs.get(o.parentId())) {
        add(nameReaders, p.username(), Groups.scopeGroup(o.id()));
      }
      add(members, Groups.scopeGroup(a.orgId()), p.username());
      if (Groups.UNIT_LEADER_ROLES.contains(a.role()) && RoleGrants.isCommitteeLevel(orgs.get(a.orgId()))
          && !upperUnits.contains(a.orgId())) {
        add(members, Groups.UNIT_LEADERS, p.username());
      }
      switch (a.role().function()) {
        case OFFICER -> add(members, Groups.OFFICERS, p.username());
        case AUDITOR -> add(members, Groups.AUDITORS, p.username());
        case MANAGER -> add(members, Groups.MANAGERS, p.username());
      }
      if (a.role() == Role.SECRETARY && orgs.get(a.orgId()).kind().ordinal() <= OrganizationKind.COMMITTEE.ordinal()) {
        add(members, Groups.MANAGERS, p.username());
      }
    }

    Set<String> logins = new HashSet<>();
    loginPeople.forEach(p -> logins.add(p.username()));
    Set<String> admins = new HashSet<>();
    identity.createUserQuery().memberOfGroup(Groups.ADMINS).list().forEach(u -> admins.add(u.getId()));
    for (User former : identity.createUserQuery().memberOfGroup(Groups.USERS).list()) {
      if (!logins.contains(former.getId()) && !admins.contains(former.getId())) {
        for (Authorization a : authorizations.createAuthorizationQuery().userIdIn(former.getId()).list()) {
          authorizations.deleteAuthorization(a.getId());
        }
        identity.deleteUser(former.getId());
      }
    }

    for (Person p : loginPeople) {
      User user = identity.createUserQuery().userId(p.username()).singleResult();
      if (user == null) {
        user = identity.newUser(p.username());
        fill(user, p);
        user.setPassword(demoPassword != null ? demoPassword : randomPassword(user));
        identity.saveUser(user);
      } else if (!p.name().equals(user.getFirstName()) || !same(p.email(), user.getEmail())) {
        fill(user, p);
        identity.saveUser(user);
      }
    }

    // Read every group and membership once: a province has some 20,000 organizations and so 300,000 derived groups,
    // and a query per group made each start take many minutes.
    Map<String, Group> groups = new HashMap<>();
    identity.createGroupQuery().list().forEach(g -> groups.put(g.getId(), g));
    Map<String, Set<String>> memberships = new HashMap<>();
    jdbc.query("select group_id_, user_id_ from act_id_membership",
        (RowCallbackHandler) rs -> add(memberships, rs.getString(1), rs.getString(2)));
    List<Object[]> leaving = new ArrayList<>();
    for (Map.Entry<String, String> g : groupNames.entrySet()) {
      Group group = groups.get(g.getKey());
      if (group == null) {
        group = identity.newGroup(g.getKey());
        group.setName(g.getValue());
        group.setType(groupTypes.get(g.getKey()));
        identity.saveGroup(group);
      } else if (!g.getValue().equals(group.getName())) {
        group.setName(g.getValue());
        identity.saveGroup(group);
      }
      Set<String> want = members.getOrDefault(g.getKey(), Set.of());
      Set<String> have = memberships.getOrDefault(g.getKey(), Set.of());
      for (String u : want) {
        if (!have.contains(u)) {
          identity.createMembership(u, g.getKey());
        }
      }
      for (String u : have) {
        if (!want.contains(u)) {
          leaving.add(new Object[] {u, g.getKey()});
        }
      }
    }
    // In one batch: moving to groups that follow the tree takes a province's leaders out of some 20,000 groups each.
    jdbc.batchUpdate("delete from act_id_membership where user_id_ = ? and group_id_ = ?", leaving);
    syncNameReaders(loginPeople, nameReaders);
    readPaths.reconcile(orgs);
  }

  /** Grants READ on each login to the groups that may see its name; removes what no longer applies. */
  private void syncNameReaders(List<Person> loginPeople, Map<String, Set<String>> nameReaders) {
    for (Person p : loginPeople) {
      Set<String> want = nameReaders.getOrDefault(p.username(), Set.of());
      Set<String> have = new HashSet<>();
      for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.USER)
          .resourceId(p.username()).list()) {
        if (a.getGroupId() == null || a.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
          continue;
        }
        if (want.contains(a.getGroupId())) {
          have.add(a.getGroupId());
        } else {
          authorizations.deleteAuthorization(a.getId());
        }
      }
      for (String group : want) {
        if (!have.contains(group)) {
          Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          a.setGroupId(group);
          a.setResource(Resources.USER);
          a.setResourceId(p.username());
          a.addPermission(Permissions.READ);
          authorizations.saveAuthorization(a);
        }
      }
    }
  }

  private static void fn(Map<String, String> names, Map<String, String> types, String id, String name) {
    names.put(id, name);
    types.put(id, Groups.TYPE_FUNCTION);
  }

  private static void add(Map<String, Set<String>> members, String group, String user) {
    members.computeIfAbsent(group, k -> new HashSet<>()).add(user);
  }

  private static void fill(User user, Person p) {
    user.setFirstName(p.name());
    user.setLastName("");
    user.setEmail(p.email());
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static final String[] PASSWORD_CLASSES = {
      "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%*+-=?@_"};
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final PasswordPolicy POLICY = new DefaultPasswordPolicyImpl();

  /**
   * A random password the password policy outside the demo accepts (it must not contain the login name or the name,
   * which a short login name might by chance); the administrator sets the real one in Camunda Admin.
   */
  private String randomPassword(User user) {
    for (int tries = 0; ; tries++) {
      String password = randomPassword();
      if (tries == 100 || identity.checkPasswordAgainstPolicy(POLICY, password, user).isValid()) {
        return password;
      }
    }
  }

  /** 24 random characters, at least one of each class. */
  static String randomPassword() {
    char[] password = new char[24];
    String all = String.join("", PASSWORD_CLASSES);
    for (int i = 0; i < password.length; i++) {
      String from = i < PASSWORD_CLASSES.length ? PASSWORD_CLASSES[i] : all;
      password[i] = from.charAt(RANDOM.nextInt(from.length()));
    }
    for (int i = password.length - 1; i > 0; i--) {
      int j = RANDOM.nextInt(i + 1);
      char c = password[i];
      password[i] = password[j];
      password[j] = c;
    }
    return new String(password);
  }
}
