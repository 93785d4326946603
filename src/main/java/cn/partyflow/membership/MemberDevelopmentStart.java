package cn.partyflow.membership;

import cn.partyflow.organization.Person;
import cn.partyflow.shared.RuleConflict;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code ${memberDevelopmentStart}}, on start of {@code memberDevelopment}: refuses a second running case of the same
 * applicant, fills the applicant's data from the registry, sets the business key to the applicant's person id and
 * checks the historic dates of a case that enters at a later stage.
 */
@Component("memberDevelopmentStart")
class MemberDevelopmentStart implements ExecutionListener {

  private final MemberDevelopmentService service;
  private final PersonRegistry registry;

  MemberDevelopmentStart(MemberDevelopmentService service, PersonRegistry registry) {
    this.service = service;
    this.registry = registry;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getVariable(MemberDevelopment.APPLICANT_ID) instanceof String applicantId
        && !applicantId.isBlank()) {
      refuseSecondCase(execution, applicantId);
    }
    execution.setVariables(service.start(execution.getVariables(), execution.getProcessBusinessKey()));
    execution.setProcessBusinessKey((String) execution.getVariable(MemberDevelopment.APPLICANT_ID));
  }

  /** Whoever starts it, and whether or not they may see the other case: one person, one running case. */
  private void refuseSecondCase(DelegateExecution execution, String applicantId) {
    registry.lock(applicantId);
    ProcessEngineServices engine = execution.getProcessEngineServices();
    List<String> steps = Context.getCommandContext().runWithoutAuthorization(() -> {
      for (ProcessInstance running : engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(MemberDevelopment.PROCESS_KEY).processInstanceBusinessKey(applicantId).list()) {
        if (!running.getId().equals(execution.getProcessInstanceId())) {
          return engine.getTaskService().createTaskQuery().processInstanceId(running.getId())
              .orderByTaskCreateTime().asc().list().stream().map(Task::getName).toList();
        }
      }
      return null;
    });
    if (steps != null) {
      String name = registry.person(applicantId).map(Person::name).orElse(applicantId);
      throw new RuleConflict("running-case", name + "已有一件进行中的发展党员案件（当前步骤："
          + (steps.isEmpty() ? "等待期限届满" : steps.stream().distinct().collect(Collectors.joining("、")))
          + "），同一申请人同时只能有一件案件，请在该案件中继续办理");
    }
  }
}
