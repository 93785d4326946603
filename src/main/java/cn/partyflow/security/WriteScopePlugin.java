package cn.partyflow.security;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.CaseOrganization;
import cn.partyflow.organization.CaseOrganization.Subject;
import cn.partyflow.organization.Groups;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.StartFormOptions;
import cn.partyflow.shared.FormSchema;
import cn.partyflow.shared.FormSchemas;
import cn.partyflow.shared.RuleConflict;
import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a user may write through the engine, whichever way they reach it (/engine-rest, Tasklist's
 * /camunda/api/engine, or code running with a user's authentication), checked before the command runs:
 *
 * <ul>
 *   <li>a start opens a case only for an organization the starter acts for ({@link AccessScope#actingOrganizations});
 *       procedures not startable in Tasklist are started by the system or through their own pages;</li>
 *   <li>a start or a task completion carries only the variables its Camunda Form declares, and read-only fields
 *       and the routing variables keep the value the case has;</li>
 *   <li>a task's variables may be changed outside its completion only where its form declares them; a case's
 *       variables, its position (modification, migration, restart), its message and signal events and the groups
 *       its tasks are routed to are not changed by users at all;</li>
 *   <li>a task's own data is the procedure's: its due date (derived from a rule), follow-up date, name, description,
 *       priority, owner and candidates are not changed by users, tasks are not created, deleted or delegated, and
 *       who works a task changes only by claiming it for oneself, giving back one's own claim, or handing it to a
 *       fellow candidate of the task.</li>
 * </ul>
 *
 * The administrator is exempt, and so is code running without a user (the application itself, timers, tests).
 * Only the command a request runs is checked, not the commands the procedure's own listeners run inside it.
 * A refusal answers 400 (403 where the user may not do it at all, 409 for a running case) with the Chinese message
 * alone; the engine has rolled everything back.
 */
@Component
public class WriteScopePlugin extends AbstractProcessEnginePlugin {

  /** Marks a select on a start form whose options are the organizations the starter acts for. */
  static final String ACTING_ORGANIZATIONS = "actingOrganizations";

  /**
   * Variables that decide whose case it is and who works it. Declared on a start form they are its subject; on a
   * task they are never accepted with a value other than the one the case has.
   */
  static final Set<String> ROUTING = Set.of("orgId", "branchId", "applicantId", "committeeId", "itemId", "caseId",
      "personId", "responsibleUser", "leaderUser", "startStage", "entryStep", "stageOutcome", "itemDeadline");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ThreadLocal<Command<?>> REQUESTED = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> FROM_PAGE = new ThreadLocal<>();

  private final ObjectProvider<AccessScope> scopes;
  private final ObjectProvider<OrganizationDirectory> directories;
  private final ObjectProvider<CaseOrganization> caseOrganizations;
  private final ObjectProvider<StartFormOptions> startFormOptions;
  private final FormSchemas formDefinitions;
  private final Map<String, DeclaredFields> forms = new ConcurrentHashMap<>();
  private ProcessEngineConfigurationImpl configuration;

  WriteScopePlugin(ObjectProvider<AccessScope> scopes, ObjectProvider<OrganizationDirectory> directories,
      ObjectProvider<CaseOrganization> caseOrganizations, ObjectProvider<StartFormOptions> startFormOptions,
      FormSchemas formDefinitions) {
    this.formDefinitions = formDefinitions;
    this.scopes = scopes;
    this.directories = directories;
    this.caseOrganizations = caseOrganizations;
    this.startFormOptions = startFormOptions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Requested());
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Checked());
  }

  /** Outside the transaction: notes which command the user asked for and answers a refusal as HTTP. */
  final class Requested extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      if (Context.getCommandContext() != null || user == null || user.getUserId() == null) {
        return next.execute(command);
      }
      REQUESTED.set(command);
      try {
        T result = next.execute(command);
        if (command instanceof GetDeployedStartFormCmd && result instanceof InputStream form) {
          @SuppressWarnings("unchecked")
          T filled = (T) withActingOrganizations(form, user);
          return filled;
        }
        return result;
      } catch (RuntimeException e) {
        RuleViolation violation = violation(e);
        throw violation == null ? e : restRequest() ? answer(violation) : violation;
      } finally {
        REQUESTED.remove();
      }
    }
  }

  /** Inside the command's transaction, before it runs: the checks. */
  final class Checked extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (REQUESTED.get() == command) {
        CommandContext context = Context.getCommandContext();
        Authentication user = context.getAuthentication();
        if (user != null && !context.getAuthorizationManager().isCamundaAdmin(user)) {
          check(command, context, user.getUserId());
        }
      }
      return next.execute(command);
    }
  }

  private void check(Command<?> command, CommandContext context, String userId) {
    if (command instanceof SubmitStartFormCmd c) {
      start(context, userId, definition(context, field(c, "processDefinitionId"), null), variables(c, "variables"),
          false);
    } else if (command instanceof StartProcessInstanceCmd c) {
      ProcessInstantiationBuilderImpl b = field(c, "instantiationBuilder");
      start(context, userId, definition(context, b.getProcessDefinitionId(), b.getProcessDefinitionKey()),
          b.getVariables(), false);
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd c) {
      ProcessInstantiationBuilderImpl b = field(c, "instantiationBuilder");
      start(context, userId, definition(context, b.getProcessDefinitionId(), b.getProcessDefinitionKey()),
          b.getVariables(), true);
    } else if (command instanceof ResolveTaskCmd) {
      throw new NotPermitted("security.task.delegate", "任务不能委派；需要同事办理的，请转交给本任务办理组的成员");
    } else if (command instanceof SubmitTaskFormCmd c) {
      completion(context, field(c, "taskId"), variables(c, "properties"));
    } else if (command instanceof CompleteTaskCmd c) {
      completion(context, field(c, "taskId"), variables(c, "variables"));
    } else if (command instanceof SetTaskVariablesCmd c) {
      taskVariables(context, field(c, "entityId"), variables(c, "variables").keySet());
    } else if (command instanceof RemoveTaskVariablesCmd c) {
      taskVariables(context, field(c, "entityId"), field(c, "variableNames"));
    } else if (command instanceof PatchTaskVariablesCmd c) {
      Set<String> names = new LinkedHashSet<>(variables(c, "variables").keySet());
      Collection<String> deletions = field(c, "deletions");
      if (deletions != null) {
        names.addAll(deletions);
      }
      taskVariables(context, field(c, "entityId"), names);
    } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
        || command instanceof AbstractPatchVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      throw new NotPermitted("security.case.variables", "案件的数据只能在办理任务时通过任务表单填写，不能直接修改；"
          + "确需更正的，请联系系统管理员");
    } else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
        || command instanceof AbstractModificationCmd || command instanceof AbstractMigrationCmd
        || command instanceof AbstractRestartProcessInstanceCmd) {
      throw new NotPermitted("security.case.position", "只有系统管理员可以调整、迁移或重启案件的流程");
    } else if (command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageBatchCmd
        || command instanceof MessageEventReceivedCmd || command instanceof SignalEventReceivedCmd
        || command instanceof SignalCmd || command instanceof EvaluateStartConditionCmd
        || command instanceof CompleteExternalTaskCmd || command instanceof HandleExternalTaskBpmnErrorCmd) {
      throw new NotPermitted("security.case.events", "流程中的消息、信号和系统步骤只能由系统触发");
    } else if (command instanceof AddGroupIdentityLinkCmd || command instanceof DeleteGroupIdentityLinkCmd) {
      throw new NotPermitted("security.task.groups", "任务按职务分派给相应组织办理，不能手工增减办理组；职务变动请在人员职务中维护");
    } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      throw new NotPermitted("security.case.events", "流程中的消息、信号和系统步骤只能由系统触发");
    } else if (command instanceof ClaimTaskCmd c) {
      String claimant = field(c, "userId");
      if (claimant != null && !claimant.equals(userId)) {
        throw new NotPermitted("security.task.claimSelf", "只能为自己认领任务；需要同事办理的，请先认领，再转交给本任务办理组的成员");
      }
      assign(context, userId, field(c, "taskId"), claimant, true);
    } else if (command instanceof AssignTaskCmd c) {
      assign(context, userId, field(c, "taskId"), field(c, "userId"), false);
    } else if (command instanceof AddUserIdentityLinkCmd c) {
      userLink(context, userId, field(c, "taskId"), field(c, "userId"), field(c, "type"));
    } else if (command instanceof DeleteUserIdentityLinkCmd c) {
      String type = field(c, "type");
      userLink(context, userId, field(c, "taskId"), IdentityLinkType.ASSIGNEE.equals(type) ? null : field(c, "userId"),
          type);
    } else if (command instanceof SetTaskDueDateCmd) {
      throw new NotPermitted("security.task.dueDate", DUE_DATE_FIXED);
    } else if (command instanceof AbstractSetTaskPropertyCmd) {
      throw new NotPermitted("security.task.properties", "任务的跟进日期、名称、说明、优先级和委托人由流程设定，不能修改");
    } else if (command instanceof SaveTaskCmd c) {
      saveTask(context, userId, field(c, "task"));
    } else if (command instanceof DelegateTaskCmd) {
      throw new NotPermitted("security.task.delegate", "任务不能委派；需要同事办理的，请转交给本任务办理组的成员");
    } else if (command instanceof CreateTaskCmd || command instanceof DeleteTaskCmd) {
      throw new NotPermitted("security.task.create", "任务由流程按规定产生，不能自行新建或删除任务");
    } else if (command instanceof CreateAttachmentCmd || command instanceof SaveAttachmentCmd
        || command instanceof DeleteAttachmentCmd) {
      throw new NotPermitted("security.task.attachments", "材料请在相应页面上传（整改佐证材料在整改事项的页面），不能直接附加到任务或案件上");
    }
  }

  static final String DUE_DATE_FIXED = "任务的截止日期由规则确定，不能修改；整改事项的期限调整请在该事项的页面提出，"
      + "由书记审批";

  /**
   * A change of who works a task: {@code assignee} is the new holder, null to give the task back. Allowed are a
   * claim for oneself, giving back one's own claim where the task has candidates to take it up again, and handing
   * one's own (or an unclaimed) task to a candidate of it. A task another person holds is theirs.
   */
  private void assign(CommandContext context, String userId, String taskId, String assignee, boolean claim) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      if (claim) {
        checker.checkTaskWork(task);
      } else {
        checker.checkTaskAssign(task);
      }
    }
    String holder = task.getAssignee();
    if (Objects.equals(holder, assignee) || (claim && assignee != null && holder != null)) {
      return;
    }
    if (holder != null && !holder.equals(userId)) {
      throw new NotPermitted("security.task.held", "该任务已由他人认领，只有认领人本人可以退回或转交；请刷新待办列表");
    }
    Set<String> groups = candidateGroups(task);
    if (assignee == null) {
      if (groups.isEmpty() && candidateUsers(task).isEmpty()) {
        throw new NotPermitted("security.task.unclaim", "该任务由流程指定由您办理，没有其他人可以接手，不能退回");
      }
      return;
    }
    if (holder == null && !assignee.equals(userId) && !candidate(context, task, userId)) {
      throw new NotPermitted("security.task.assignee", "您不是该任务的办理人，不能分派它");
    }
    if (!candidate(context, task, assignee)) {
      String names = groupNames(context, groups);
      throw new NotPermitted("security.task.assignee", (assignee.equals(userId) ? "您不是该任务办理组的成员，不能认领它"
          : "只能把任务转交给本任务办理组的成员，所选人员不在其中")
          + (names.isEmpty() ? "" : "（办理组：" + names + "）"));
    }
  }

  private void userLink(CommandContext context, String userId, String taskId, String linkUser, String type) {
    if (IdentityLinkType.ASSIGNEE.equals(type)) {
      assign(context, userId, taskId, linkUser, false);
    } else if (IdentityLinkType.OWNER.equals(type)) {
      throw new NotPermitted("security.task.properties", "任务的跟进日期、名称、说明、优先级和委托人由流程设定，不能修改");
    } else {
      throw new NotPermitted("security.task.candidates", "任务的候选办理人由职务决定，不能手工增减；职务变动请在人员职务中维护");
    }
  }

  /**
   * {@code PUT /task/{id}} saves the whole task as the caller sent it (Tasklist's due-date and follow-up-date
   * controls use it). Compared with the task as stored, only a change of the assignee may pass, under the
   * assignment rule.
   */
  private void saveTask(CommandContext context, String userId, TaskEntity submitted) {
    if (submitted == null) {
      return;
    }
    if (submitted.getRevision() == 0) {
      throw new NotPermitted("security.task.create", "任务由流程按规定产生，不能自行新建或删除任务");
    }
    TaskEntity stored = context.getTaskManager().findTaskById(submitted.getId());
    if (stored == null) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskAssign(stored);
    }
    if (!sameTime(stored.getDueDate(), submitted.getDueDate())) {
      throw new NotPermitted("security.task.dueDate", DUE_DATE_FIXED);
    }
    List<String> changed = new ArrayList<>();
    if (!sameTime(stored.getFollowUpDate(), submitted.getFollowUpDate())) {
      changed.add("跟进日期");
    }
    if (!Objects.equals(stored.getName(), submitted.getName())) {
      changed.add("名称");
    }
    if (!Objects.equals(stored.getDescription(), submitted.getDescription())) {
      changed.add("说明");
    }
    if (stored.getPriority() != submitted.getPriority()) {
      changed.add("优先级");
    }
    if (!Objects.equals(stored.getOwner(), submitted.getOwner())
        || !Objects.equals(stored.getDelegationState(), submitted.getDelegationState())) {
      changed.add("委托人");
    }
    if (!Objects.equals(stored.getParentTaskId(), submitted.getParentTaskId())
        || !Objects.equals(stored.getCaseInstanceId(), submitted.getCaseInstanceId())
        || !Objects.equals(stored.getTenantId(), submitted.getTenantId())) {
      changed.add("所属");
    }
    if (!changed.isEmpty()) {
      throw new NotPermitted("security.task.properties", "任务的" + String.join("、", changed) + "由流程设定，不能修改");
    }
    assign(context, userId, stored.getId(), submitted.getAssignee(), false);
  }

  private static boolean sameTime(Date a, Date b) {
    return a == null ? b == null : b != null && a.getTime() == b.getTime();
  }

  private static Set<String> candidateGroups(TaskEntity task) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  private static Set<String> candidateUsers(TaskEntity task) {
    Set<String> users = new LinkedHashSet<>();
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
        users.add(link.getUserId());
      }
    }
    return users;
  }

  /** A candidate user of the task, or a member of one of its candidate groups. */
  private static boolean candidate(CommandContext context, TaskEntity task, String user) {
    if (candidateUsers(task).contains(user)) {
      return true;
    }
    Set<String> groups = candidateGroups(task);
    return !groups.isEmpty() && context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
        .createGroupQuery(context).groupMember(user).groupIdIn(groups.toArray(String[]::new)).count() > 0);
  }

  private static String groupNames(CommandContext context, Set<String> groups) {
    if (groups.isEmpty()) {
      return "";
    }
    return String.join("、", context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
        .createGroupQuery(context).groupIdIn(groups.toArray(String[]::new)).list().stream()
        .map(Group::getName).filter(Objects::nonNull).toList()));
  }

  private void start(CommandContext context, String userId, ProcessDefinitionEntity definition,
      Map<String, Object> submitted, boolean atActivities) {
    if (definition == null) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkCreateProcessInstance(definition);
    }
    String procedure = definition.getName() == null ? definition.getKey() : definition.getName();
    if (atActivities) {
      throw new NotPermitted("security.start.atStart", procedure + "只能从流程的开始处发起，不能从中间步骤开始");
    }
    boolean fromPage = Boolean.TRUE.equals(FROM_PAGE.get());
    if (!definition.isStartableInTasklist() && !fromPage) {
      throw new NotPermitted("security.start.bySystem", procedure + "由系统按规定时间或在相应页面发起，不能直接发起");
    }
    Map<String, Object> variables = submitted == null ? Map.of() : submitted;
    FormDefinition startForm = definition.getStartFormDefinition();
    if (!fromPage && startForm != null && startForm.getCamundaFormDefinitionKey() != null) {
      refuseUndeclared(forms.computeIfAbsent(definition.getId() + "/start", k -> read(definition.getDeploymentId(),
          startForm.getCamundaFormDefinitionKey().getExpressionText(),
          () -> context.runWithoutAuthorization(new GetDeployedStartFormCmd(definition.getId())))), variables.keySet());
    }
    Subject subject = subject(definition.getKey(), variables);
    if (subject != null && !scopes.getObject().actingOrganizations(userId).contains(subject.orgId())) {
      String orgName = directories.getObject().organization(subject.orgId()).map(Organization::name)
          .orElse(subject.orgId());
      throw new NotPermitted("security.start.scope", "您不能为" + subject.description() + "发起" + procedure + "：只有在"
          + orgName + "担任职务的人员，或其上级党委、党组的组织部门干事可以发起");
    }
  }

  private Subject subject(String processKey, Map<String, Object> variables) {
    for (CaseOrganization c : caseOrganizations) {
      if (c.processKey().equals(processKey)) {
        return c.subjectOf(variables);
      }
    }
    Object orgId = Variables.fromMap(variables).get("orgId");
    if (orgId == null) {
      return null;
    }
    String id = orgId.toString().trim();
    Organization org = directories.getObject().organization(id).orElseThrow(() ->
        new RuleViolation("security.unknownOrganization", "组织" + id + "不存在"));
    return new Subject(org.id(), org.name());
  }

  private void completion(CommandContext context, String taskId, Map<String, Object> submitted) {
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    DeclaredFields fields = taskFields(context, task);
    if (fields != null) {
      refuseUndeclared(fields, submitted.keySet());
    } else {
      fields = DeclaredFields.NONE;
    }
    VariableMap typed = Variables.fromMap(submitted);
    List<String> changed = new ArrayList<>();
    for (String name : typed.keySet()) {
      if ((fields.readonly().contains(name) || ROUTING.contains(name))
          && !same(task.getVariableTyped(name, false), typed.getValueTyped(name))) {
        changed.add("“" + fields.label(name) + "”");
      }
    }
    if (!changed.isEmpty()) {
      throw new RuleViolation("security.form.readonly", String.join("、", changed)
          + "是表单中的只读内容，不能修改，本次提交未保存任何内容");
    }
  }

  private void taskVariables(CommandContext context, String taskId, Collection<String> names) {
    if (names == null || names.isEmpty()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkUpdateTaskVariable(task);
    }
    DeclaredFields declared = taskFields(context, task);
    if (declared != null) {
      refuseUndeclared(declared, names);
    }
    DeclaredFields fields = declared == null ? DeclaredFields.NONE : declared;
    List<String> fixed = names.stream().filter(n -> fields.readonly().contains(n) || ROUTING.contains(n))
        .map(n -> "“" + fields.label(n) + "”").toList();
    if (!fixed.isEmpty()) {
      throw new RuleViolation("security.form.readonly", String.join("、", fixed) + "是表单中的只读内容，不能修改");
    }
  }

  /** The task's Camunda Form, or null for a task without one (none of ours: only test procedures). */
  private DeclaredFields taskFields(CommandContext context, TaskEntity task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinition() == null
        || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
      return null;
    }
    return forms.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), k ->
        read(task.getProcessDefinition().getDeploymentId(),
            task.getTaskDefinition().getCamundaFormDefinitionKey().getExpressionText(),
            () -> context.runWithoutAuthorization(new GetDeployedTaskFormCmd(task.getId()))));
  }

  private static void refuseUndeclared(DeclaredFields fields, Collection<String> names) {
    List<String> undeclared = names.stream().filter(n -> !fields.declares(n)).toList();
    if (undeclared.isEmpty()) {
      return;
    }
    List<String> routing = undeclared.stream().filter(ROUTING::contains).toList();
    throw new RuleViolation("security.form.undeclared", "表单未声明的字段：" + String.join("、", undeclared)
        + "。只能提交表单中的内容，本次提交未保存任何内容"
        + (routing.isEmpty() ? "" : "（" + String.join("、", routing) + "决定案件所属组织和办理人，只能由系统设定）"));
  }

  /** Tasklist sends a read-only field back as text: an absent value and an empty one are the same. */
  static boolean same(TypedValue current, TypedValue submitted) {
    String a = text(current);
    String b = text(submitted);
    if (a.equals(b)) {
      return true;
    }
    try {
      return JSON.readTree(a).equals(JSON.readTree(b));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static String text(TypedValue value) {
    if (value == null) {
      return "";
    }
    if (value instanceof SerializableValue s && s.getValueSerialized() != null) {
      return s.getValueSerialized();
    }
    return value.getValue() == null ? "" : value.getValue().toString();
  }

  /** The form of the deployment; one bound otherwise (a version, the latest) as the engine resolves it. */
  private DeclaredFields read(String deploymentId, String formId, Supplier<InputStream> deployed) {
    return DeclaredFields.of(formDefinitions.form(deploymentId, formId).orElseGet(() -> {
      try (InputStream form = deployed.get()) {
        return FormSchema.parse(form.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }

  private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
    if (id != null) {
      return context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(id);
    }
    return key == null ? null
        : context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(key);
  }

  /**
   * Fills the options of a start form's selects when the form is served: {@value #ACTING_ORGANIZATIONS} with the
   * organizations the starter acts for, any other {@code properties.options} with the {@link StartFormOptions} of
   * that name (the people a 发展党员 case may be started for, say).
   */
  private InputStream withActingOrganizations(InputStream form, Authentication user) {
    byte[] bytes;
    try (form) {
      bytes = form.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!new String(bytes, StandardCharsets.UTF_8).contains("\"options\"")) {
      return new ByteArrayInputStream(bytes);
    }
    try {
      JsonNode root = JSON.readTree(bytes);
      boolean admin = user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMINS);
      Map<String, Map<String, String>> options = new LinkedHashMap<>();
      fill(root.path("components"), name -> options.computeIfAbsent(name, n -> options(n, user.getUserId(), admin)));
      return new ByteArrayInputStream(JSON.writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> options(String name, String userId, boolean admin) {
    Map<String, String> options = new LinkedHashMap<>();
    if (ACTING_ORGANIZATIONS.equals(name)) {
      Set<String> acting = admin ? null : scopes.getObject().actingOrganizations(userId);
      for (Organization o : directories.getObject().organizations()) {
        if (acting == null || acting.contains(o.id())) {
          options.put(o.id(), o.name());
        }
      }
      return options;
    }
    for (StartFormOptions o : startFormOptions) {
      if (o.name().equals(name)) {
        return o.options(userId, admin);
      }
    }
    return null;
  }

  private static void fill(JsonNode components, Function<String, Map<String, String>> source) {
    for (JsonNode c : components) {
      String name = c.path("properties").path("options").asText("");
      Map<String, String> options = name.isEmpty() ? null : source.apply(name);
      if (options != null) {
        ArrayNode values = ((ObjectNode) c).putArray("values");
        options.forEach((id, label) -> values.addObject().put("label", label).put("value", id));
      }
      if (c.has("components")) {
        fill(c.path("components"), source);
      }
    }
  }

  /**
   * Runs a start that one of our own pages makes as the user, after the page has checked what it starts: such a
   * page may start a procedure that is not started in Tasklist, with the variables it sets itself. The starter's
   * scope is still checked.
   */
  public static <T> T startFromPage(Supplier<T> start) {
    FROM_PAGE.set(Boolean.TRUE);
    try {
      return start.get();
    } finally {
      FROM_PAGE.remove();
    }
  }

  /** A request to the engine's REST API answers the refusal itself; our own pages catch the rule. */
  private static boolean restRequest() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
      return false;
    }
    HttpServletRequest request = attributes.getRequest();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/engine-rest") || path.startsWith("/camunda/api/engine");
  }

  private static RuleViolation violation(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof RuleViolation v) {
        return v;
      }
    }
    return null;
  }

  /** The REST API would answer a rule with an English prefix (and a 500 on some endpoints); this is the rule alone. */
  private static WebApplicationException answer(RuleViolation violation) {
    int status = violation instanceof RuleConflict ? 409 : violation instanceof NotPermitted ? 403 : 400;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "RuleViolation");
    body.put("rule", violation.rule());
    body.put("message", violation.getMessage());
    body.put("code", RuleViolation.CODE);
    try {
      return new WebApplicationException(violation.getMessage(), violation, Response.status(status)
          .type("application/json;charset=UTF-8").entity(JSON.writeValueAsString(body)).build());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> variables(Object command, String name) {
    Map<String, Object> value = field(command, name);
    return value == null ? Map.of() : value;
  }

  /**
   * The engine's commands keep what they were asked to do in protected fields. A field that is not there (a
   * changed engine) refuses the command rather than letting it through unchecked.
   */
  @SuppressWarnings("unchecked")
  static <T> T field(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return (T) f.get(target);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        break;
      }
    }
    throw new ProcessEngineException(target.getClass().getSimpleName() + " has no field " + name
        + "; the write check does not know this engine version");
  }
}
