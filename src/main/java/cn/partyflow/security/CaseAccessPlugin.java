package cn.partyflow.security;

import cn.partyflow.organization.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Lets an organization read its own cases and nobody else's. When a process instance starts with the variable
 * {@value #ORG_VARIABLE}, the organization's scope group (its role holders and those above it) gets read access to
 * the instance and its history. Tasks are granted by the engine to their candidate groups.
 */
@Component
public class CaseAccessPlugin extends AbstractProcessEnginePlugin {

  /** Every case carries the id of the organization whose case it is. */
  public static final String ORG_VARIABLE = "orgId";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
        ExecutionListener grant = CaseAccessPlugin::grantOrganization;
        definition.addListener(ExecutionListener.EVENTNAME_START, grant);
      }
    });
  }

  static void grantOrganization(DelegateExecution execution) {
    if (!execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    Object org = execution.getVariable(ORG_VARIABLE);
    if (!(org instanceof String orgId) || orgId.isBlank()) {
      return;
    }
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    String instanceId = execution.getProcessInstanceId();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      grant(authorizations, Groups.scopeGroup(orgId), Resources.PROCESS_INSTANCE, instanceId, Permissions.READ);
      grant(authorizations, Groups.scopeGroup(orgId), Resources.HISTORIC_PROCESS_INSTANCE, instanceId,
          HistoricProcessInstancePermissions.READ);
      return null;
    });
  }

  private static void grant(AuthorizationService service, String group, Resource resource, String id,
      Permission permission) {
    Authorization a = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(id);
    a.addPermission(permission);
    service.saveAuthorization(a);
  }
}
