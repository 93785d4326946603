package cn.partyflow.security;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;

/**
 * The password policy outside the demo setup: Camunda's built-in policy, the one the engine applies when a user is
 * created or a password changed (Camunda Admin and REST) and the one Camunda Admin shows while a password is typed.
 */
public final class PasswordRules {

  public static final String MESSAGE = "密码不符合密码策略：至少 10 个字符，须同时含有大写字母、小写字母、数字和特殊字符"
      + "（如 !@#$%-_），且不得包含登录名、姓名或邮箱";

  private static final DefaultPasswordPolicyImpl POLICY = new DefaultPasswordPolicyImpl();

  private PasswordRules() {}

  /** Whether {@code password} satisfies the policy for {@code user} (whose login name and names it must not hold). */
  public static boolean satisfied(String password, User user) {
    if (password == null || password.isEmpty()) {
      return false;
    }
    for (PasswordPolicyRule rule : POLICY.getRules()) {
      if (!rule.execute(password, user)) {
        return false;
      }
    }
    return true;
  }
}
