package cn.partyflow.membership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${memberDevelopmentStart}}, on start of {@code memberDevelopment}: fills the applicant's data from the
 * registry, sets the business key to the applicant's person id and checks the historic dates of a case that enters
 * at a later stage.
 */
@Component("memberDevelopmentStart")
class MemberDevelopmentStart implements ExecutionListener {

  private final MemberDevelopmentService service;

  MemberDevelopmentStart(MemberDevelopmentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariables(service.start(execution.getVariables(), execution.getProcessBusinessKey()));
    execution.setProcessBusinessKey((String) execution.getVariable(MemberDevelopment.APPLICANT_ID));
  }
}
