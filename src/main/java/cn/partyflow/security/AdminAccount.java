package cn.partyflow.security;

import cn.partyflow.organization.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The administrator and the grants every function group starts with. Outside the demo setup the administrator
 * password must come from the environment (ADMIN_PASSWORD) and satisfy the password policy ({@link PasswordRules}),
 * or the application does not start. The administrator
 * exists before the webapps open, so Camunda's first-administrator setup page never offers itself.
 */
@Component
public class AdminAccount extends AbstractProcessEnginePlugin {

  public static final String ADMIN_ID = "admin";
  private static final String ADMIN_NAME = "系统管理员";

  private final String password;

  AdminAccount(@Value("${partyflow.demo:false}") boolean demo,
      @Value("${partyflow.admin-password:}") String configuredPassword) {
    if (configuredPassword == null || configuredPassword.isBlank()) {
      if (!demo) {
        throw new IllegalStateException("未设置管理员密码：生产环境必须通过环境变量 ADMIN_PASSWORD 提供管理员密码"
            + " (ADMIN_PASSWORD is required outside the demo setup)");
      }
      this.password = "demo";
    } else {
      if (!demo && !PasswordRules.satisfied(configuredPassword, adminProfile())) {
        throw new IllegalStateException("管理员密码 ADMIN_PASSWORD " + PasswordRules.MESSAGE
            + " (ADMIN_PASSWORD does not satisfy the password policy: at least 10 characters with upper- and"
            + " lower-case letters, a digit and a special character, not containing \"" + ADMIN_ID + "\")");
      }
      this.password = configuredPassword;
    }
  }

  /** What the policy compares the password with: the administrator's login name and name. */
  private static User adminProfile() {
    User admin = new UserEntity(ADMIN_ID);
    admin.setFirstName(ADMIN_NAME);
    admin.setLastName("");
    return admin;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    if (identity.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
      Group g = identity.newGroup(Groups.ADMINS);
      g.setName("系统管理员");
      g.setType("SYSTEM");
      identity.saveGroup(g);
    }
    if (identity.createUserQuery().userId(ADMIN_ID).count() == 0) {
      User admin = identity.newUser(ADMIN_ID);
      admin.setFirstName(ADMIN_NAME);
      admin.setLastName("");
      admin.setPassword(password);
      identity.saveUser(admin);
      identity.createMembership(ADMIN_ID, Groups.ADMINS);
    }
    for (Resource r : Resources.values()) {
      grantAll(authorizations, Groups.ADMINS, r, Permissions.ALL);
    }
    grantAll(authorizations, Groups.USERS, Resources.APPLICATION, Permissions.ACCESS, "tasklist");
    grantAll(authorizations, Groups.USERS, Resources.PROCESS_DEFINITION, Permissions.READ);
    grantAll(authorizations, Groups.USERS, Resources.GROUP, Permissions.READ);
    grantAll(authorizations, Groups.OFFICERS, Resources.PROCESS_DEFINITION, Permissions.CREATE_INSTANCE);
    grantAll(authorizations, Groups.OFFICERS, Resources.PROCESS_INSTANCE, Permissions.CREATE);
  }

  private static void grantAll(AuthorizationService service, String group, Resource resource, Permission permission) {
    grantAll(service, group, resource, permission, Authorization.ANY);
  }

  private static void grantAll(AuthorizationService service, String group, Resource resource, Permission permission,
      String resourceId) {
    Authorization existing = service.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization a = existing != null ? existing : service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.addPermission(permission);
    service.saveAuthorization(a);
  }
}
