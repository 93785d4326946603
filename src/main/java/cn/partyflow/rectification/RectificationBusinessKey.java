package cn.partyflow.rectification;

import cn.partyflow.shared.ChinaClock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A 巡察整改 case gets its 业务编号 on the server when it starts, {@code XCZG-<organization>-<yyyyMMdd>-<n>} (the n-th
 * case of the organization started that day), so auditors find it by number as they find a 发展党员 case by the
 * applicant's id and a dues case by branch and month. A key the starter gave is kept. Built in, so no BPMN and no
 * {@code skipCustomListeners} can leave it out.
 */
@Component
class RectificationBusinessKey extends AbstractProcessEnginePlugin {

  static final String PREFIX = "XCZG-";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        if (Rectification.PROCESS_KEY.equals(definition.getKey())) {
          definition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
              (ExecutionListener) RectificationBusinessKey::assign);
        }
      }
    });
  }

  static void assign(DelegateExecution execution) {
    if (!execution.getId().equals(execution.getProcessInstanceId()) || execution.getProcessBusinessKey() != null) {
      return;
    }
    Object org = execution.getVariable("orgId");
    String prefix = PREFIX + (org == null ? "" : org + "-") + ChinaClock.today().format(DAY) + "-";
    long earlier = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(Rectification.PROCESS_KEY).processInstanceBusinessKeyLike(prefix + "%").count();
    execution.setProcessBusinessKey(prefix + (earlier + 1));
  }
}
