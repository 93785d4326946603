package cn.partyflow.security;

import cn.partyflow.shared.EngineTables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the login policy:
 *
 * <ul>
 *   <li>Camunda's own lock-out is off. It counts failures per user in ACT_ID_USER and locks the account for good at
 *       the tenth (ENGINE-27002), so anyone could lock out anyone, the administrator included. Password checks are
 *       counted by {@link LoginThrottle} instead, whose waits end by themselves; counters an older version left in
 *       ACT_ID_USER are cleared at startup and ignored. Camunda Admin's 解锁用户 (identityService.unlockUser) also
 *       lifts a {@link LoginThrottle} wait.
 *   <li>Outside the demo setup the engine's password policy is on (at least 10 characters with upper- and
 *       lower-case letters, a digit and a special character, not containing the login name or the name) for every
 *       user created or password changed, in Camunda Admin and over the REST API; a refusal answers 400 with
 *       {@link PasswordRules#MESSAGE}.
 * </ul>
 */
@Component
class LoginPolicyPlugin extends AbstractProcessEnginePlugin {

  /** SaveUserCmd's refusal; the engine has no exception type of its own for it. */
  private static final String ENGINE_POLICY_MESSAGE = "Password does not match policy";

  private final boolean passwordPolicy;
  private final ObjectProvider<LoginThrottle> throttle;

  LoginPolicyPlugin(@Value("${partyflow.demo:false}") boolean demo, ObjectProvider<LoginThrottle> throttle) {
    this.passwordPolicy = !demo;
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ThrottledIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new ThrottledIdentityProvider(throttle.getObject());
      }
    });
    configuration.setEnablePasswordPolicy(passwordPolicy);
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new PolicyInChinese());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    EngineTables.execute(engine, "update " + EngineTables.prefix(engine) + "ACT_ID_USER set ATTEMPTS_ = 0,"
        + " LOCK_EXP_TIME_ = null where ATTEMPTS_ > 0 or LOCK_EXP_TIME_ is not null", "无法清除旧的账户锁定计数");
  }

  /** The engine's database identity provider without its lock-out, counting every password check. */
  static class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private final LoginThrottle throttle;

    ThrottledIdentityProvider(LoginThrottle throttle) {
      this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      UserEntity user = userId == null ? null : findUserById(userId);
      boolean valid = user != null && password != null && matchPassword(password, user);
      throttle.passwordChecked(userId, valid);
      return valid;
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
      IdentityOperationResult result = super.unlockUser(userId);
      if (throttle.unlockUser(userId) && result.getValue() != null
          && IdentityOperationResult.OPERATION_NONE.equals(result.getOperation())) {
        return new IdentityOperationResult(result.getValue(), IdentityOperationResult.OPERATION_UNLOCK);
      }
      return result;
    }
  }

  /** Turns the engine's English policy refusal into a 400 with the Chinese rule. */
  static final class PolicyInChinese extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        if (command instanceof SaveUserCmd && ENGINE_POLICY_MESSAGE.equals(e.getMessage())) {
          throw new BadUserRequestException(PasswordRules.MESSAGE);
        }
        throw e;
      }
    }
  }
}
