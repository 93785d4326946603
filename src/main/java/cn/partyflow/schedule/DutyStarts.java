package cn.partyflow.schedule;

import cn.partyflow.organization.Groups;
import cn.partyflow.shared.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A process whose only start events are timers is a calendar duty: its timer starts it, on whichever node's job
 * executor takes the job, with nobody logged in. Officers may start every procedure (CREATE_INSTANCE on all
 * definitions), so without this check any of them could send the digest again or start every branch's collection
 * through {@code /engine-rest}. A start with a logged-in user is refused unless that user is an administrator, who
 * may re-run a duty that failed. The check is a built-in listener, so {@code skipCustomListeners} cannot skip it.
 */
@Component
class DutyStarts extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        if (startedByTimerOnly(process)) {
          String name = definition.getName() == null ? definition.getKey() : definition.getName();
          definition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
              (ExecutionListener) execution -> refuseUsers(execution, name));
        }
      }
    });
  }

  static boolean startedByTimerOnly(Element process) {
    List<Element> starts = process.elements("startEvent");
    return !starts.isEmpty() && starts.stream().allMatch(s -> s.element("timerEventDefinition") != null);
  }

  static void refuseUsers(DelegateExecution execution, String name) {
    if (!execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    Authentication user = Context.getCommandContext().getAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    if (user.getGroupIds() == null || !user.getGroupIds().contains(Groups.ADMINS)) {
      throw new RuleViolation("schedule.manualStart",
          "“" + name + "”由系统按设定的时间自动运行，不能手动发起");
    }
  }
}
