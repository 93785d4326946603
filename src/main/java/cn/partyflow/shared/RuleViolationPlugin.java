package cn.partyflow.shared;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets a {@link RuleViolation} thrown in a task or execution listener reach the caller as itself. The engine wraps
 * listener exceptions ("ENGINE-03051 There was an exception while invoking the TaskListener"), which the REST API
 * answers with 500; unwrapped, submit-form answers 400 with the Chinese message. The interceptor sits outside the
 * transaction, so everything the command did has already been rolled back.
 */
@Component
public class RuleViolationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> required = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (required == null) {
      required = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(required);
    }
    required.add(new Unwrap());
  }

  static final class Unwrap extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        RuleViolation violation = find(e);
        throw violation != null ? violation : e;
      }
    }

    static RuleViolation find(Throwable e) {
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t instanceof RuleViolation v) {
          return v;
        }
      }
      return null;
    }
  }
}
