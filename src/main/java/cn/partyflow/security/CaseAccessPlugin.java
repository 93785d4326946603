package cn.partyflow.security;

import cn.partyflow.organization.Groups;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Role;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
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
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Lets an organization read its own cases and nobody else's. When a process instance starts with the variable
 * {@value #ORG_VARIABLE}, the scope groups of the organization and of every organization above it (each group holds
 * the role holders of its own organization only) get read access to the instance and its history: the grants follow
 * the tree, so a province's leader is in one scope group, not in one per organization below him. When the tree
 * changes, {@code CaseReadPaths} moves the grants of the cases already there. Tasks are granted by the engine to their
 * candidate groups.
 */
@Component
public class CaseAccessPlugin extends AbstractProcessEnginePlugin {

  /** Every case carries the id of the organization whose case it is. */
  public static final String ORG_VARIABLE = "orgId";

  private final ObjectProvider<OrganizationDirectory> directories;

  CaseAccessPlugin(ObjectProvider<OrganizationDirectory> directories) {
    this.directories = directories;
  }

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
        ExecutionListener grant = CaseAccessPlugin.this::grantOrganization;
        definition.addListener(ExecutionListener.EVENTNAME_START, grant);
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, CaseAccessPlugin.this::letManagersRead);
      }
    });
  }

  void grantOrganization(DelegateExecution execution) {
    if (!execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    Object org = execution.getVariable(ORG_VARIABLE);
    if (!(org instanceof String orgId) || orgId.isBlank()) {
      return;
    }
    Set<String> readers = new LinkedHashSet<>();
    readers.add(orgId);
    OrganizationDirectory directory = directories.getIfAvailable();
    if (directory != null) {
      directory.lineage(orgId).forEach(o -> readers.add(o.id()));
    }
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    String instanceId = execution.getProcessInstanceId();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String reader : readers) {
        grant(authorizations, Groups.scopeGroup(reader), Resources.PROCESS_INSTANCE, instanceId, Permissions.READ);
        grant(authorizations, Groups.scopeGroup(reader), Resources.HISTORIC_PROCESS_INSTANCE, instanceId,
            HistoricProcessInstancePermissions.READ);
      }
      return null;
    });
  }

  /**
   * The leaders of the unit of a case's organization (the nearest 党委 or 党组 at or above it: its secretary and
   * 分管领导) may read the case's tasks, so that their 本单位全部待办 shows the whole unit. Leaders further up (a city's,
   * a province's) read the cases, not every task of every unit below: their tool is the dashboard. Reading is all:
   * the task is worked by its candidate group.
   */
  void letManagersRead(DelegateTask task) {
    Object org = task.getExecution() == null ? null : task.getExecution().getVariable(ORG_VARIABLE);
    if (!(org instanceof String orgId) || orgId.isBlank()) {
      return;
    }
    OrganizationDirectory directory = directories.getIfAvailable();
    Organization unit = directory == null ? null : directory.unit(orgId).orElse(null);
    if (unit == null) {
      return;
    }
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (Role leader : Groups.UNIT_LEADER_ROLES) {
        grant(authorizations, Groups.roleGroup(unit.id(), leader), Resources.TASK, task.getId(), TaskPermissions.READ);
      }
      return null;
    });
  }


  /**
   * Grants {@code permission} on a resource created in this same command (a new process instance or task), so no
   * grant for it can exist in the database yet; the engine's own grant to a candidate group may wait unflushed in
   * this command's cache and is extended instead of duplicated.
   */
  private static void grant(AuthorizationService service, String group, Resource resource, String id,
      Permission permission) {
    for (AuthorizationEntity cached : Context.getCommandContext().getDbEntityManager()
        .getCachedEntitiesByType(AuthorizationEntity.class)) {
      if (group.equals(cached.getGroupId()) && cached.getResourceType() == resource.resourceType()
          && id.equals(cached.getResourceId()) && cached.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT) {
        cached.addPermission(permission);
        return;
      }
    }
    Authorization a = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(id);
    a.addPermission(permission);
    service.saveAuthorization(a);
  }
}
