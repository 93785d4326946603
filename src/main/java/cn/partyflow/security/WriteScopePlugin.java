package cn.partyflow.security;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.CaseOrganization;
import cn.partyflow.organization.CaseOrganization.Subject;
import cn.partyflow.organization.Groups;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.StartFormOptions;
import cn.partyflow.shared.RuleConflict;
import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
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
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

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
 *       its tasks are routed to are not changed by users at all.</li>
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

  private final ObjectProvider<AccessScope> scopes;
  private final ObjectProvider<OrganizationDirectory> directories;
  private final ObjectProvider<CaseOrganization> caseOrganizations;
  private final ObjectProvider<StartFormOptions> startFormOptions;
  private final Map<String, DeclaredFields> forms = new ConcurrentHashMap<>();
  private ProcessEngineConfigurationImpl configuration;

  WriteScopePlugin(ObjectProvider<AccessScope> scopes, ObjectProvider<OrganizationDirectory> directories,
      ObjectProvider<CaseOrganization> caseOrganizations, ObjectProvider<StartFormOptions> startFormOptions) {
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
        throw violation == null ? e : answer(violation);
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
      throw new NotPermitted("case-variables", "案件的数据只能在办理任务时通过任务表单填写，不能直接修改；"
          + "确需更正的，请联系系统管理员");
    } else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
        || command instanceof AbstractModificationCmd || command instanceof AbstractMigrationCmd
        || command instanceof AbstractRestartProcessInstanceCmd) {
      throw new NotPermitted("case-position", "只有系统管理员可以调整、迁移或重启案件的流程");
    } else if (command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageBatchCmd
        || command instanceof MessageEventReceivedCmd || command instanceof SignalEventReceivedCmd
        || command instanceof SignalCmd || command instanceof EvaluateStartConditionCmd
        || command instanceof CompleteExternalTaskCmd || command instanceof HandleExternalTaskBpmnErrorCmd) {
      throw new NotPermitted("case-events", "流程中的消息、信号和系统步骤只能由系统触发");
    } else if (command instanceof AddGroupIdentityLinkCmd || command instanceof DeleteGroupIdentityLinkCmd) {
      throw new NotPermitted("task-groups", "任务按职务分派给相应组织办理，不能手工增减办理组；职务变动请在人员职务中维护");
    }
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
      throw new NotPermitted("start-at-start", procedure + "只能从流程的开始处发起，不能从中间步骤开始");
    }
    if (!definition.isStartableInTasklist()) {
      throw new NotPermitted("start-by-system", procedure + "由系统按规定时间或在相应页面发起，不能直接发起");
    }
    Map<String, Object> variables = submitted == null ? Map.of() : submitted;
    FormDefinition startForm = definition.getStartFormDefinition();
    if (startForm != null && startForm.getCamundaFormDefinitionKey() != null) {
      refuseUndeclared(forms.computeIfAbsent(definition.getId() + "/start", k ->
          read(context.runWithoutAuthorization(new GetDeployedStartFormCmd(definition.getId())))), variables.keySet());
    }
    Subject subject = subject(definition.getKey(), variables);
    if (subject != null && !scopes.getObject().actingOrganizations(userId).contains(subject.orgId())) {
      String orgName = directories.getObject().organization(subject.orgId()).map(Organization::name)
          .orElse(subject.orgId());
      throw new NotPermitted("start-scope", "您不能为" + subject.description() + "发起" + procedure + "：只有在"
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
        new RuleViolation("unknown-organization", "组织" + id + "不存在"));
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
      throw new RuleViolation("form-readonly", String.join("、", changed)
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
      throw new RuleViolation("form-readonly", String.join("、", fixed) + "是表单中的只读内容，不能修改");
    }
  }

  /** The task's Camunda Form, or null for a task without one (none of ours: only test procedures). */
  private DeclaredFields taskFields(CommandContext context, TaskEntity task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinition() == null
        || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
      return null;
    }
    return forms.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), k ->
        read(context.runWithoutAuthorization(new GetDeployedTaskFormCmd(task.getId()))));
  }

  private static void refuseUndeclared(DeclaredFields fields, Collection<String> names) {
    List<String> undeclared = names.stream().filter(n -> !fields.declares(n)).toList();
    if (undeclared.isEmpty()) {
      return;
    }
    List<String> routing = undeclared.stream().filter(ROUTING::contains).toList();
    throw new RuleViolation("form-undeclared", "表单未声明的字段：" + String.join("、", undeclared)
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

  private static DeclaredFields read(InputStream form) {
    try (form) {
      return DeclaredFields.of(JSON.readTree(form));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", "RuleViolation");
    body.put("rule", violation.rule());
    body.put("message", violation.getMessage());
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
