package cn.partyflow.shared;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets a {@link RuleViolation} thrown in a task or execution listener reach the caller as itself. The engine wraps
 * listener exceptions ("ENGINE-03051 There was an exception while invoking the TaskListener"), which the REST API
 * answers with 500; unwrapped, submit-form answers 400 with the Chinese message. The interceptor sits outside the
 * transaction, so everything the command did has already been rolled back.
 *
 * <p>A broken rule is the user's doing, not a fault: the engine would log it at ERROR with a stack trace
 * ("ENGINE-16004 Exception while closing command context"). Here it is logged once, at INFO, as one line naming the
 * rule; the engine keeps its own log at DEBUG. Two officers working the same task at once ({@link TaskConflict}: a
 * claim of a task someone else holds, a completion of a task another completion has finished) are treated the same
 * way when a user asked for it, so that the REST API answers 409 without logging a fault. Every other exception,
 * and a missing task the application itself looked for, is logged by the engine as before.
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
    required.add(new Unwrap(configuration));
    QuietRuleViolations contexts = new QuietRuleViolations();
    contexts.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(contexts);
  }

  static final class QuietRuleViolations extends CommandContextFactory {

    @Override
    public CommandContext createCommandContext() {
      return new CommandContext(processEngineConfiguration) {
        @Override
        protected boolean shouldLogInfo(Throwable exception) {
          return false;
        }

        @Override
        protected boolean shouldLogFine(Throwable exception) {
          return super.shouldLogFine(exception) || exception instanceof TaskAlreadyClaimedException
              || Unwrap.find(exception) != null
              || (TaskConflict.missingTask(exception) && getAuthenticatedUserId() != null);
        }
      };
    }
  }

  static final class Unwrap extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger("cn.partyflow.rules");

    private final ProcessEngineConfigurationImpl configuration;

    Unwrap(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        RuleViolation violation = find(e);
        if (violation == null && Context.getCommandContext() == null && byUser()) {
          violation = TaskConflict.of(command, e);
        }
        if (violation == null) {
          throw e;
        }
        if (Context.getCommandContext() == null) {
          LOG.info("规则拒绝 {}: {}", violation.rule(), violation.getMessage());
        }
        throw violation;
      }
    }

    private boolean byUser() {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      return user != null && user.getUserId() != null;
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
