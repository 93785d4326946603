package cn.partyflow.tasklist;

import cn.partyflow.shared.StartupLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A step the model assigns to one person (an item's 责任人, a rater's 民主测评) also names that person as its candidate.
 * 已逾期 and 三日内到期 list the tasks whose candidates are the user or one of the user's groups
 * ({@link TaskFilters}), a question the engine answers from the candidate links by index; without the link such a
 * step, offered to the 组织部门's group and assigned to its 责任人, would be in the group's 已逾期 and not in his.
 * When such a step is handed to another person, the link moves with it. Steps claimed from a group get no link: the
 * group already names their assignee.
 */
@Component
class PersonalTaskLinks extends AbstractProcessEnginePlugin {

  private final ObjectProvider<JdbcTemplate> jdbc;
  private final ObjectProvider<TaskService> tasks;
  private final ObjectProvider<RepositoryService> repository;
  private final ObjectProvider<StartupLock> startupLock;

  PersonalTaskLinks(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<TaskService> tasks,
      ObjectProvider<RepositoryService> repository, ObjectProvider<StartupLock> startupLock) {
    this.startupLock = startupLock;
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.repository = repository;
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
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        if (task.getAssigneeExpression() != null) {
          task.addTaskListener(TaskListener.EVENTNAME_CREATE, PersonalTaskLinks::nameAssignee);
          task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, PersonalTaskLinks::nameAssignee);
        }
      }
    });
  }

  /** The assignee is the step's one candidate person: a previous assignee's link goes, the new one's is added. */
  static void nameAssignee(DelegateTask task) {
    String assignee = task.getAssignee();
    boolean named = false;
    for (IdentityLink link : List.copyOf(task.getCandidates())) {
      if (link.getUserId() == null) {
        continue;
      }
      if (link.getUserId().equals(assignee)) {
        named = true;
      } else {
        task.deleteCandidateUser(link.getUserId());
      }
    }
    if (assignee != null && !named) {
      task.addCandidateUser(assignee);
    }
  }

  /**
   * Open steps assigned by their model before the link existed get it at start: those assigned to someone who is not
   * yet a candidate person of the step, of a step whose model assigns it. Steps claimed from a group are left alone.
   */
  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    startupLock.getObject().exclusively(this::linkOpenSteps);
  }

  void linkOpenSteps() {
    List<Map<String, Object>> steps = jdbc.getObject().queryForList("select distinct t.proc_def_id_, t.task_def_key_"
        + " from act_ru_task t where t.assignee_ is not null and t.proc_def_id_ is not null and not exists (select 1"
        + " from act_ru_identitylink i where i.task_id_ = t.id_ and i.type_ = ? and i.user_id_ = t.assignee_)",
        IdentityLinkType.CANDIDATE);
    for (Map<String, Object> step : steps) {
      String definitionId = (String) step.get("proc_def_id_");
      String key = (String) step.get("task_def_key_");
      ProcessDefinitionEntity definition =
          (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository.getObject()).getDeployedProcessDefinition(
              definitionId);
      TaskDefinition task = definition.getTaskDefinitions().get(key);
      if (task == null || task.getAssigneeExpression() == null) {
        continue;
      }
      for (Map<String, Object> open : jdbc.getObject().queryForList("select t.id_, t.assignee_ from act_ru_task t"
          + " where t.proc_def_id_ = ? and t.task_def_key_ = ? and t.assignee_ is not null and not exists (select 1"
          + " from act_ru_identitylink i where i.task_id_ = t.id_ and i.type_ = ? and i.user_id_ = t.assignee_)",
          definitionId, key, IdentityLinkType.CANDIDATE)) {
        tasks.getObject().addCandidateUser((String) open.get("id_"), (String) open.get("assignee_"));
      }
    }
  }
}
