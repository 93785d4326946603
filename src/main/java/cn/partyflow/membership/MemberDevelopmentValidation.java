package cn.partyflow.membership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${memberDevelopmentValidation}}, on end of every user task of {@code memberDevelopment}: re-checks the
 * submitted form on the server, then records what follows from it. An execution listener rather than a task
 * listener because the engine wraps every task-listener exception in a plain ProcessEngineException, which REST
 * answers with 500; a RuleViolation from here reaches submit-form unwrapped and answers 400 with its message.
 * A task cancelled by a boundary timer submitted nothing, so there is nothing to check.
 */
@Component("memberDevelopmentValidation")
class MemberDevelopmentValidation implements ExecutionListener {

  private final MemberDevelopmentService service;

  MemberDevelopmentValidation(MemberDevelopmentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    execution.setVariables(service.complete(execution.getCurrentActivityId(), execution.getProcessInstanceId(),
        execution.getVariables()));
  }
}
